package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntToLongFunction;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.analysis.LibraryAdvice;
import dev.serialscope.rules.analysis.RowSet;
import dev.serialscope.rules.analysis.ServingLibrary;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Library;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.StatisticsRow;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * A new ObjectOutputStream per small message: every stream starts with a 4-byte header and sends
 * the class descriptors of everything it writes again, which can outweigh a small message itself.
 */
public final class StreamSetupOverheadRule extends SerialScopeRule {

    /** STREAM_MAGIC and STREAM_VERSION, written by the ObjectOutputStream constructor. */
    static final int STREAM_HEADER_BYTES = 4;

    /** Below this share of calls with a per-call event, the small calls this rule is about are missing. */
    private static final double MIN_COVERAGE = 0.5;

    public static final TypedPreference<IQuantity> INFO_SHARE = new TypedPreference<>(
            "serialscope.streamSetup.infoShare", "Stream setup info limit",
            "Share of the bytes written that are stream headers and class descriptors, for an information.",
            UnitLookup.PERCENTAGE, UnitLookup.PERCENT.quantity(10));
    public static final TypedPreference<IQuantity> WARNING_SHARE = new TypedPreference<>(
            "serialscope.streamSetup.warningShare", "Stream setup warning limit",
            "Share of the bytes written that are stream headers and class descriptors, for a warning.",
            UnitLookup.PERCENTAGE, UnitLookup.PERCENT.quantity(30));
    public static final TypedPreference<IQuantity> MIN_STREAMS = new TypedPreference<>(
            "serialscope.streamSetup.minStreams", "Stream setup minimum streams",
            "Programs that open fewer streams than this are not reported: a few streams cost little.",
            UnitLookup.NUMBER, UnitLookup.NUMBER_UNITY.quantity(20));

    public static final TypedResult<IQuantity> STREAMS = quantity("streams", "Streams",
            "Distinct ObjectOutputStreams written to.", UnitLookup.NUMBER);
    public static final TypedResult<IQuantity> CALLS_PER_STREAM = quantity("callsPerStream", "Calls per Stream",
            "Top-level calls per stream, on average.", UnitLookup.NUMBER);
    public static final TypedResult<IQuantity> SETUP_BYTES = quantity("setupBytes", "Setup Bytes",
            "Bytes of stream headers and class descriptors.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> SETUP_SHARE = quantity("setupShare", "Setup Share",
            "The setup bytes as a share of all bytes written.", UnitLookup.PERCENTAGE);
    public static final TypedResult<String> TOP_SITE = text("topSite", "Top Call Site",
            "The call site with the most setup bytes.");
    public static final TypedResult<String> TOP_CHANNEL = text("topChannel", "Top Channel",
            "The channel with the most setup bytes.");

    public StreamSetupOverheadRule() {
        super("serialscope.streamSetup", "Stream Setup Overhead", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_SHARE, WARNING_SHARE, MIN_STREAMS, CallSites.LIBRARIES),
                List.of(STREAMS, CALLS_PER_STREAM, SETUP_BYTES, SETUP_SHARE, TOP_SITE, TOP_CHANNEL));
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
        List<StatisticsRow> rows = StatisticsRow.readAll(recording, SerialScopeEvents.WRITE);
        long allCalls = StatisticsRow.totalCalls(rows);
        if (writes.isEmpty() && allCalls == 0) {
            return notRecorded(recording, vp, "serialization events");
        }
        Setup setup;
        if (StatisticsRow.detailed(rows)) {
            setup = Setup.counted(rows);
        } else if (writes.size() >= MIN_COVERAGE * allCalls) {
            setup = Setup.ofCalls(writes);
        } else {
            return notApplicable(vp, "Only " + writes.size() + " of " + allCalls + " serialization calls have a "
                    + "per-call event, too few to judge stream setup: " + SerialScopeEvents.HOW_TO_RECORD_EVERY_CALL
                    + ".");
        }
        if (setup.streams == 0) {
            return scored(vp, 0).addResult(STREAMS, UnitLookup.NUMBER_UNITY.quantity(0))
                    .setSummary("No ObjectOutputStream was opened while recording.").build();
        }
        double setupShare = (double) setup.setupBytes / setup.totalBytes;
        double score = setup.streams < value(vp, MIN_STREAMS, UnitLookup.NUMBER_UNITY) ? 0
                : RulesToolkit.mapExp100(setupShare, value(vp, INFO_SHARE, UnitLookup.PERCENT_UNITY),
                        value(vp, WARNING_SHARE, UnitLookup.PERCENT_UNITY));
        ResultBuilder result = scored(vp, score)
                .addResult(STREAMS, UnitLookup.NUMBER_UNITY.quantity(setup.streams))
                .addResult(CALLS_PER_STREAM, UnitLookup.NUMBER_UNITY.quantity((double) setup.calls / setup.streams))
                .addResult(SETUP_BYTES, bytes(setup.setupBytes)).addResult(SETUP_SHARE, share(setupShare));
        if (severity(score) == Severity.OK) {
            return result.setSummary("{streams} " + noun(setup.streams, "stream")
                    + ", {callsPerStream} calls per stream on average; stream setup "
                    + "was {setupShare} of the bytes written.").build();
        }

        // Culprit bytes are setup bytes: classes from the counts, sites and channels from the per-call events.
        List<Culprit> culprits = new ArrayList<>(culprits(setup.byClass, Culprit.Kind.CLASS, 3));
        BitSet payingCalls = new BitSet(writes.size());
        RowSet streams = new RowSet(writes.size(), writes::streamId,
                (row, other) -> writes.streamId(row) == writes.streamId(other));
        for (int row = 0; row < writes.size(); row++) {
            if (streams.add(row) | descriptorBytes(writes, row) > 0) {
                payingCalls.set(row);
            }
        }
        IntToLongFunction descriptorBytes = row -> descriptorBytes(writes, row);
        List<Tally> bySite = writes.tally(CallTable.Key.SITE, payingCalls::get, descriptorBytes, Tally::bytes);
        List<Tally> byChannel = writes.tally(CallTable.Key.CHANNEL, payingCalls::get, descriptorBytes, Tally::bytes);
        culprits.addAll(culprits(bySite, Culprit.Kind.SITE, 3));
        // A library that opens the streams itself (a data grid, a cache) is configured, not rewritten.
        Library library = ServingLibrary.of(writes, payingCalls::get, descriptorBytes);
        String libraryFix = library == null ? null : LibraryAdvice.streamSetup(library);
        culprits.addAll(culprits(byChannel, Culprit.Kind.CHANNEL, 3));
        culprits.addAll(storeCulprits(writes, payingCalls::get, descriptorBytes, 3));
        result.setExplanation("Every new ObjectOutputStream writes a 4-byte header, and the first time it writes "
                        + "an object of a class it writes that class's descriptor (name, serialVersionUID, field names "
                        + "and types, and the same for each superclass). A stream per message pays this for every "
                        + "message; the receiver must also create an ObjectInputStream per message and parse the "
                        + "descriptors again.")
                .setSolution(libraryFix != null ? libraryFix
                        : "Keep one ObjectOutputStream per connection or file for all messages, so descriptors "
                        + "travel once. If the stream must forget earlier objects, call reset() every few hundred "
                        + "messages rather than after each one (reset() drops the descriptors too). For small "
                        + "messages, a compact format (DataOutputStream, Externalizable, or protobuf) avoids "
                        + "descriptors altogether.")
                .addResult(Culprit.CULPRITS, culprits);
        String counted = "{streams} " + noun(setup.streams, "stream") + ", {callsPerStream} calls per stream on average: stream headers and "
                + "class descriptors were {setupShare} ({setupBytes}) of the bytes written";
        if (bySite.isEmpty()) {
            return result.setSummary(counted + ", mostly in calls writing " + setup.byClass.get(0).key() + " ("
                    + SerialScopeEvents.HOW_TO_RECORD_EVERY_CALL + " to see their call sites).").build();
        }
        return result.addResult(TOP_SITE, bySite.get(0).key()).addResult(TOP_CHANNEL, byChannel.get(0).key())
                .setSummary(counted + ", mostly from {topSite} to {topChannel}.").build();
    }

    /** Streams, calls and bytes written, and the setup bytes among them per root class. */
    private record Setup(long streams, long calls, long setupBytes, long totalBytes, List<Tally> byClass) {

        /** From the statistics, which count every call. */
        static Setup counted(List<StatisticsRow> rows) {
            long streams = 0;
            long setupBytes = 0;
            long totalBytes = 0;
            for (StatisticsRow row : rows) {
                streams += row.newStreams();
                setupBytes += setupBytes(row);
                totalBytes += row.bytes() + STREAM_HEADER_BYTES * row.newStreams();
            }
            return new Setup(streams, StatisticsRow.totalCalls(rows), setupBytes, totalBytes,
                    Tally.ofRows(rows, Setup::setupBytes, Tally::bytes));
        }

        private static long setupBytes(StatisticsRow row) {
            return row.descriptorBytes() + STREAM_HEADER_BYTES * row.newStreams();
        }

        /** From the per-call events, in recordings made before the statistics counted streams. */
        static Setup ofCalls(CallTable writes) {
            RowSet streams = new RowSet(writes.size(), writes::streamId,
                    (row, other) -> writes.streamId(row) == writes.streamId(other));
            BitSet payingCalls = new BitSet(writes.size());
            long setupBytes = 0;
            long totalBytes = 0;
            for (int row = 0; row < writes.size(); row++) {
                long setup = descriptorBytes(writes, row);
                if (streams.add(row)) {
                    setup += STREAM_HEADER_BYTES;
                }
                if (setup > 0) {
                    payingCalls.set(row);
                }
                setupBytes += setup;
                totalBytes += writes.countedBytes(row);
            }
            // The headers are written by the constructor, outside any call's bytes.
            totalBytes += (long) STREAM_HEADER_BYTES * streams.size();
            return new Setup(streams.size(), writes.size(), setupBytes, totalBytes,
                    writes.tally(CallTable.Key.ROOT_CLASS, payingCalls::get, row -> descriptorBytes(writes, row),
                            Tally::bytes));
        }
    }

    /** The bytes of the class descriptors one call wrote; 0 when the stream was not measured. */
    static long descriptorBytes(CallTable calls, int row) {
        return Math.max(calls.classDescriptorBytes(row), 0);
    }
}
