package dev.serialscope.rules.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.StatisticsRow;
import dev.serialscope.rules.recording.Tally;

/**
 * Both directions totalled by root class, call site and channel, each list the biggest by bytes first: the tables
 * of the JMC view. Calls and root classes come from the statistics, which count every call, when the recording
 * has them; call sites and channels only from the per-call events ({@code perCallEvents} of the {@code calls}),
 * which the production profile writes for large or slow calls alone. A write of a byte array that holds an earlier
 * write's output (a Spark broadcast block) is left out: its bytes are counted once, with that write.
 */
public record HotSpots(long calls, long perCallEvents, List<Tally> rootClasses, List<Tally> callSites,
        List<Tally> channels) {

    public static final HotSpots NONE = new HotSpots(0, 0, List.of(), List.of(), List.of());

    /** @param limit how many of the biggest keys each grouping keeps */
    public static HotSpots of(RecordingModel recording, int limit) {
        CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
        CallTable reads = recording.calls(SerialScopeEvents.DESERIALIZATION);
        List<StatisticsRow> counted = new ArrayList<>(StatisticsRow.readAll(recording, SerialScopeEvents.WRITE));
        counted.addAll(StatisticsRow.readAll(recording, SerialScopeEvents.READ));
        long perCallEvents = writes.size() + reads.size();
        long countedCalls = StatisticsRow.totalCalls(counted);
        List<StatisticsRow> payloads = counted.stream().filter(row -> !row.onlySerializedOutput()).toList();
        List<Tally> rootClasses = countedCalls >= perCallEvents && countedCalls > 0
                ? Tally.ofRows(payloads, row -> row.calls() - row.serializedOutputs(),
                        row -> row.bytes() - row.serializedOutputBytes(), Tally::bytes)
                : biggest(writes, reads, CallTable.Key.ROOT_CLASS);
        return new HotSpots(Math.max(countedCalls, perCallEvents), perCallEvents, first(rootClasses, limit),
                first(biggest(writes, reads, CallTable.Key.SITE), limit),
                first(biggest(writes, reads, CallTable.Key.CHANNEL), limit));
    }

    /** Whether some calls have no per-call event, so that sites and channels stand for part of the calls only. */
    public boolean sitesFromSomeCalls() {
        return perCallEvents < calls;
    }

    private static List<Tally> biggest(CallTable writes, CallTable reads, CallTable.Key key) {
        return Tally.combine(writes.tally(key, row -> !writes.serializedOutput(row), writes::countedBytes, Tally::bytes),
                reads.tally(key, Tally::bytes), Tally::bytes);
    }

    private static List<Tally> first(List<Tally> tallies, int limit) {
        return List.copyOf(tallies.subList(0, Math.min(limit, tallies.size())));
    }
}
