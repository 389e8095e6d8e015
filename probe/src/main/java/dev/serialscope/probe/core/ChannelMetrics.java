package dev.serialscope.probe.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Channel bytes for metrics (agent option {@code metrics=jmx}): the running totals of channel I/O per channel kind
 * and direction since counting started. The IPC instrumentation counts per channel into its threads' tables and
 * adds what a harvest collects here; {@link JmxMetrics} publishes one MBean per kind and direction.
 *
 * <p>Kinds, not channels: a socket is named by its peer's address and port, and a server's peers connect from
 * ephemeral ports, so one series per channel would grow without bound in Prometheus. The kinds are few and fixed:
 * {@value #KINDS_TEXT}.
 */
public final class ChannelMetrics {

    public static final int OPERATIONS = 0;
    public static final int BYTES = 1;
    /** Bytes moved while a serializer wrote or read on the same thread. */
    public static final int SERIALIZED_BYTES = 2;
    public static final int NANOS = 3;
    public static final int COUNTERS = 4;

    /** The kind of the channels none of the others names (an unknown stream class, an unnamed descriptor). */
    static final String OTHER = "other";
    static final String KINDS_TEXT = "socket, pipe, file, stdin, stdout, stderr, other";
    private static final Set<String> KINDS = Set.of("socket", "pipe", "file", "stdin", "stdout", "stderr");

    /** One series: a channel kind and a direction (write, read). */
    public record Row(String kind, String direction) {
    }

    /** What counts the channel I/O. */
    public interface Source {

        /** Counts from now on, whether or not a recording wants the channel statistics. */
        void countAlways();

        /** Adds what the threads counted since the last harvest to the totals ({@link #add}). */
        void harvest();
    }

    private final Map<Row, long[]> totals = new HashMap<>();
    private volatile Source source;

    public void countedBy(Source channelSource) {
        source = channelSource;
    }

    /** Without a source (the IPC instrumentation did not install) nothing counts, and no row appears. */
    void countAlways() {
        Source counting = source;
        if (counting != null) {
            counting.countAlways();
        }
    }

    /** Adds one harvest of one channel and direction. The source calls it, holding none of this object's locks. */
    public synchronized void add(String channel, String direction, long operations, long bytes, long serializedBytes,
                                 long nanos) {
        long[] counters = totals.computeIfAbsent(new Row(kind(channel), direction), row -> new long[COUNTERS]);
        counters[OPERATIONS] += operations;
        counters[BYTES] += bytes;
        counters[SERIALIZED_BYTES] += serializedBytes;
        counters[NANOS] += nanos;
    }

    /** The rows counted so far, up to now. */
    public Set<Row> rows() {
        harvest();
        synchronized (this) {
            return Set.copyOf(totals.keySet());
        }
    }

    /** The running total of one counter of {@code row}, up to now. */
    public long total(Row row, int counter) {
        harvest();
        synchronized (this) {
            long[] counters = totals.get(row);
            return counters == null ? 0 : counters[counter];
        }
    }

    /** Outside this object's lock: the source harvests under its own lock, and its emitter takes that one first. */
    private void harvest() {
        Source counting = source;
        if (counting != null) {
            counting.harvest();
        }
    }

    /** The kind of a channel as the IPC probe names it: its name's first word, when that is one of the kinds. */
    static String kind(String channel) {
        int space = channel.indexOf(' ');
        String first = space < 0 ? channel : channel.substring(0, space);
        return KINDS.contains(first) ? first : OTHER;
    }
}
