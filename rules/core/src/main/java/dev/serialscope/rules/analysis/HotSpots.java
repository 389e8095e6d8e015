package dev.serialscope.rules.analysis;

import java.util.List;

import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.Tally;

/**
 * The per-call events of both directions totalled by root class, call site and channel, each list the biggest
 * by bytes first: the tables of the JMC view, tallied from the call tables the rules read.
 */
public record HotSpots(long calls, List<Tally> rootClasses, List<Tally> callSites, List<Tally> channels) {

    public static final HotSpots NONE = new HotSpots(0, List.of(), List.of(), List.of());

    /** @param limit how many of the biggest keys each grouping keeps */
    public static HotSpots of(RecordingModel recording, int limit) {
        CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
        CallTable reads = recording.calls(SerialScopeEvents.DESERIALIZATION);
        return new HotSpots(writes.size() + reads.size(),
                biggest(writes, reads, CallTable.Key.ROOT_CLASS, limit),
                biggest(writes, reads, CallTable.Key.SITE, limit),
                biggest(writes, reads, CallTable.Key.CHANNEL, limit));
    }

    private static List<Tally> biggest(CallTable writes, CallTable reads, CallTable.Key key, int limit) {
        List<Tally> byBytes = Tally.combine(writes.tally(key, Tally::bytes), reads.tally(key, Tally::bytes),
                Tally::bytes);
        return List.copyOf(byBytes.subList(0, Math.min(limit, byBytes.size())));
    }
}
