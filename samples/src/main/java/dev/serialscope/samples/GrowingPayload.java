package dev.serialscope.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A web session replicated to a backup after every request, while the session keeps every page
 * view it has ever seen. Each replication is larger than the one before, so the cost per request
 * grows with the age of the session. The fix: bound the history, or replicate only what changed.
 */
public final class GrowingPayload {

    /** Requests served unless the first argument says otherwise (e.g. 400, to plant a regression for diff). */
    private static final int REQUESTS = 200;
    private static final int VIEWS_PER_REQUEST = 10;
    private static final long START_MILLIS = 1_700_000_000_000L;

    record PageView(int request, String path, long timestampMillis) implements Serializable {
    }

    static final class Session implements Serializable {
        final String id;
        final List<PageView> history = new ArrayList<>();

        Session(String id) {
            this.id = id;
        }
    }

    private GrowingPayload() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : REQUESTS;
        Session session = new Session("session-42");
        int firstSize = 0;
        int lastSize = 0;
        for (int request = 0; request < requests; request++) {
            for (int view = 0; view < VIEWS_PER_REQUEST; view++) {
                session.history.add(new PageView(request, "/catalog/item/" + (request * 7 + view) % 1_000,
                        START_MILLIS + 1_000L * request + view));
            }
            lastSize = replicate(session);
            if (request == 0) {
                firstSize = lastSize;
            }
            // Requests arrive over time (about 3 s in all), so the growth shows on a timeline: in per-call
            // events and in the periods of the statistics that the production profile relies on.
            Thread.sleep(15);
        }
        System.out.printf("GrowingPayload: replicated the session after each of %d requests;"
                + " payload grew from %d to %d bytes%n", requests, firstSize, lastSize);
    }

    /** Stands in for sending the session to a backup node; returns the payload size. */
    private static int replicate(Session session) throws IOException {
        ByteArrayOutputStream replica = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(replica)) {
            out.writeObject(session);
        }
        return replica.size();
    }
}
