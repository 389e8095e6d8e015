package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

import org.openjdk.jmc.common.unit.BinaryPrefix;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.analysis.FieldPaths;
import dev.serialscope.rules.analysis.ReadRepeats;
import dev.serialscope.rules.analysis.RepeatedFields;
import dev.serialscope.rules.analysis.LibraryAdvice;
import dev.serialscope.rules.analysis.RootRepeats;
import dev.serialscope.rules.analysis.ServingLibrary;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.analysis.SparkClosures;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Library;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.RmiMethods;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.StatisticsRow;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * The same payload serialized again and again: the same root object unchanged (equal identity hash,
 * class and size) or the same bytes (equal non-zero content hash). An object that changed between
 * sends (a growing session) is not a repeat. Every repetition after the first is wasted work
 * and bandwidth. With Serialization Composition events it also finds the same sub-object (identity,
 * class and size on the same field path) inside different roots: a large read-only object that every
 * message drags along ({@link RepeatedFields}). Reads repeat too: the same payload decoded again and again
 * ({@link ReadRepeats}), such as Spark's task binary read by every task, named with the value its closure captured.
 */
public final class RepeatedPayloadRule extends SerialScopeRule {

    public static final TypedPreference<IQuantity> INFO_SHARE = new TypedPreference<>(
            "serialscope.repeatedPayload.infoShare", "Repeated payload info limit",
            "Share of the bytes written that repeat an earlier payload, for an information.", UnitLookup.PERCENTAGE,
            UnitLookup.PERCENT.quantity(10));
    public static final TypedPreference<IQuantity> WARNING_SHARE = new TypedPreference<>(
            "serialscope.repeatedPayload.warningShare", "Repeated payload warning limit",
            "Share of the bytes written that repeat an earlier payload, for a warning.", UnitLookup.PERCENTAGE,
            UnitLookup.PERCENT.quantity(40));
    public static final TypedPreference<IQuantity> MIN_WASTED = new TypedPreference<>(
            "serialscope.repeatedPayload.minWasted", "Repeated payload minimum",
            "Repeated bytes below this amount are not reported, whatever their share: a few repeated "
                    + "acknowledgements or heartbeats are not worth a finding.",
            UnitLookup.MEMORY, UnitLookup.MEMORY.getUnit(BinaryPrefix.KIBI).quantity(256));
    public static final TypedPreference<IQuantity> MIN_FIELD_SIZE = new TypedPreference<>(
            "serialscope.repeatedPayload.minFieldSize", "Repeated sub-object minimum size",
            "A sub-object (a field of the root, found in Serialization Composition events) that recurs in several "
                    + "calls is counted only from this size on: shared constants, enum values and small strings are "
                    + "not worth a finding.",
            UnitLookup.MEMORY, UnitLookup.MEMORY.getUnit(BinaryPrefix.KIBI).quantity(1));

    public static final TypedResult<IQuantity> WASTED_BYTES = quantity("wastedBytes", "Wasted Bytes",
            "Bytes of the calls that repeated an earlier payload (all but the first of each).", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> WASTED_SHARE = quantity("wastedShare", "Wasted Share",
            "The wasted bytes as a share of the bytes written in per-call events.", UnitLookup.PERCENTAGE);
    public static final TypedResult<IQuantity> REPEATED_CALLS = quantity("repeatedCalls", "Repeated Calls",
            "Calls that repeated an earlier payload.", UnitLookup.NUMBER);
    public static final TypedResult<String> TOP_CLASS = text("topClass", "Most Repeated Class",
            "The root class with the most wasted bytes.");
    public static final TypedResult<String> TOP_SITE = text("topSite", "Most Repeated Call Site",
            "The call site with the most wasted bytes.");
    public static final TypedResult<String> TOP_CHANNEL = text("topChannel", "Most Repeated Channel",
            "The channel with the most wasted bytes.");
    public static final TypedResult<String> TOP_FIELD = text("topField", "Most Repeated Field",
            "The field path whose object recurred in the most bytes, e.g. Task.config.");
    public static final TypedResult<String> TOP_FIELD_CLASS = text("topFieldClass", "Class of the Repeated Field",
            "The class of the object at that field path.");
    public static final TypedResult<IQuantity> TOP_FIELD_SIZE = quantity("topFieldSize", "Size of the Repeated Field",
            "The bytes one copy of that object took.", UnitLookup.MEMORY);
    public static final TypedResult<String> TOP_FIELD_CALLS = text("topFieldCalls", "Calls with the Repeated Field",
            "In how many of the calls the same object was found at that path.");
    public static final TypedResult<String> SAME_WHAT = text("sameWhat", "Kind of Repetition",
            "Whether the repeats were the same object, the same bytes, or both.");
    public static final TypedResult<String> DIRECTION = text("direction", "Direction",
            "Whether the repeats were writes or reads.");
    public static final TypedResult<IQuantity> PAYLOAD_SIZE = quantity("payloadSize", "Repeated Payload Size",
            "The size of one read of the most repeated payload.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> TIMES_READ = quantity("timesRead", "Times Read",
            "How often the most repeated payload was read, the first read included.", UnitLookup.NUMBER);
    public static final TypedResult<String> CAPTURED_BY = text("capturedBy", "Captured By",
            "The lambda that captured the repeated field, when a closure did.");

    private static final String SAMPLED_FIELD = " Not every call was traced (the production profile traces about "
            + "one call per second), so the wasted bytes are estimated from the traced calls.";

    /** The channel of a stream over a byte array. */
    private static final String MEMORY_CHANNEL = "memory";
    /** The site suffix of calls made by commons-lang's deep copy. */
    private static final String CLONE_VIA = "via SerializationUtils.clone";
    /** Reads of the class, as a share of its writes, above which writes to memory are taken for deep copies. */
    private static final double DEEP_COPY_READ_SHARE = 0.9;

    public RepeatedPayloadRule() {
        super("serialscope.repeatedPayload", "Repeated Payloads", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_SHARE, WARNING_SHARE, MIN_WASTED, MIN_FIELD_SIZE, CallSites.LIBRARIES),
                List.of(WASTED_BYTES, WASTED_SHARE, REPEATED_CALLS, TOP_CLASS, TOP_SITE, TOP_CHANNEL, SAME_WHAT,
                        TOP_FIELD, TOP_FIELD_CLASS, TOP_FIELD_SIZE, TOP_FIELD_CALLS, DIRECTION, PAYLOAD_SIZE, TIMES_READ,
                        CAPTURED_BY));
    }

    /**
     * Whether the repeats are deep copies: made through a known copying utility, or written to memory while the
     * class was read back about as often as it was written.
     */
    static boolean isDeepCopy(RecordingModel recording, String rootClass, List<Tally> bySite, List<Tally> byChannel) {
        if (!bySite.isEmpty() && bySite.get(0).key().endsWith(CLONE_VIA)) {
            return true;
        }
        if (byChannel.isEmpty() || !byChannel.get(0).key().equals(MEMORY_CHANNEL)) {
            return false;
        }
        long written = callsOf(StatisticsRow.readAll(recording, SerialScopeEvents.WRITE), rootClass);
        long read = callsOf(StatisticsRow.readAll(recording, SerialScopeEvents.READ), rootClass);
        return written > 0 && read >= DEEP_COPY_READ_SHARE * written;
    }

    private static long callsOf(List<StatisticsRow> rows, String rootClass) {
        return rows.stream().filter(row -> row.rootClass().equals(rootClass)).mapToLong(StatisticsRow::calls).sum();
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        // Calls made by RMI name the remote method as their site (their stacks show only RMI's machinery).
        CallTable writes = RmiMethods.relabel(recording, recording.calls(SerialScopeEvents.SERIALIZATION));
        List<StatisticsRow> counted = StatisticsRow.readAll(recording, SerialScopeEvents.WRITE);
        boolean detailed = StatisticsRow.detailed(counted);
        CallTable reads = RmiMethods.relabel(recording, recording.calls(SerialScopeEvents.DESERIALIZATION));
        if (writes.isEmpty() && !detailed && reads.isEmpty()) {
            return notRecorded(recording, vp, "per-call serialization events");
        }
        RootRepeats roots = RootRepeats.of(writes);
        BitSet rootRepeats = roots.either();
        long totalBytes = 0;
        for (int row = 0; row < writes.size(); row++) {
            totalBytes += writes.countedBytes(row);
        }
        long rootWaste = rootRepeats.stream().mapToLong(writes::countedBytes).sum();
        int sameObject = roots.sameObject().cardinality();
        int sameBytes = roots.sameBytes().cardinality();
        long rootRepeatCalls = rootRepeats.cardinality();
        // The agent counts every call whose root it had just written; per-call events may hold only a few of them.
        long countedWaste = counted.stream().mapToLong(StatisticsRow::repeatedBytes).sum();
        boolean countedRoots = detailed && countedWaste > rootWaste;
        if (detailed) {
            totalBytes = StatisticsRow.totalBytes(counted);
        }
        if (countedRoots) {
            rootWaste = countedWaste;
            rootRepeatCalls = counted.stream().mapToLong(StatisticsRow::repeatedRoots).sum();
            sameObject = (int) Math.min(Integer.MAX_VALUE, rootRepeatCalls);
        }
        RepeatedFields fields = RepeatedFields.find(recording.compositions(), writes, rootRepeats,
                (long) value(vp, MIN_FIELD_SIZE, UnitLookup.BYTE));
        long wastedBytes = Math.min(totalBytes, rootWaste + fields.wastedBytes());
        // Calls that repeat their whole root are never counted for their sub-objects: the two sets do not overlap.
        long repeatedCalls = rootRepeatCalls + fields.wastefulCalls();
        double wastedShare = totalBytes == 0 ? 0 : (double) wastedBytes / totalBytes;
        // A few repeated small messages (acknowledgements, heartbeats) are not worth a finding.
        double score = wastedBytes < value(vp, MIN_WASTED, UnitLookup.BYTE) ? 0
                : RulesToolkit.mapExp100(wastedShare, value(vp, INFO_SHARE, UnitLookup.PERCENT_UNITY),
                        value(vp, WARNING_SHARE, UnitLookup.PERCENT_UNITY));
        BitSet readRepeats = ReadRepeats.of(reads);
        long readWaste = readRepeats.stream().mapToLong(reads::countedBytes).sum();
        long readBytes = 0;
        for (int row = 0; row < reads.size(); row++) {
            readBytes += reads.countedBytes(row);
        }
        double readShare = readBytes == 0 ? 0 : (double) readWaste / readBytes;
        double readScore = readWaste < value(vp, MIN_WASTED, UnitLookup.BYTE) ? 0
                : RulesToolkit.mapExp100(readShare, value(vp, INFO_SHARE, UnitLookup.PERCENT_UNITY),
                        value(vp, WARNING_SHARE, UnitLookup.PERCENT_UNITY));
        if (readScore > score) {
            return repeatedReads(recording, vp, writes, reads, readRepeats, fields, readWaste, readShare, readScore);
        }
        ResultBuilder result = scored(vp, score).addResult(WASTED_BYTES, bytes(wastedBytes))
                .addResult(WASTED_SHARE, share(wastedShare))
                .addResult(REPEATED_CALLS, UnitLookup.NUMBER_UNITY.quantity(repeatedCalls));
        if (severity(score) == Severity.OK) {
            return result.setSummary("{repeatedCalls} " + noun(repeatedCalls, "call") + " repeated an earlier payload or a large part of one, "
                    + "{wastedBytes} ({wastedShare} of the bytes written).").build();
        }

        List<Tally> byClass;
        IntPredicate wasteful;
        IntToLongFunction wasted;
        if (countedRoots) {
            byClass = Tally.ofRows(counted.stream().filter(row -> row.repeatedRoots() > 0).toList(),
                    StatisticsRow::repeatedRoots, StatisticsRow::repeatedBytes, Tally::bytes);
            String topClass = byClass.get(0).key();
            // Sites and channels: the per-call events of the class that repeated most.
            wasteful = row -> writes.rootClass(row).equals(topClass) || fields.wasteful(row);
            wasted = row -> writes.rootClass(row).equals(topClass) ? writes.countedBytes(row) : fields.waste(row);
        } else {
            wasteful = row -> rootRepeats.get(row) || fields.wasteful(row);
            wasted = row -> rootRepeats.get(row) ? writes.countedBytes(row) : fields.waste(row);
            byClass = writes.tally(CallTable.Key.ROOT_CLASS, wasteful, wasted, Tally::bytes);
        }
        List<Tally> bySite = writes.tally(CallTable.Key.SITE, wasteful, wasted, Tally::bytes);
        List<Tally> byChannel = writes.tally(CallTable.Key.CHANNEL, wasteful, wasted, Tally::bytes);
        List<Culprit> culprits = new ArrayList<>(culprits(byClass, Culprit.Kind.CLASS, 5));
        culprits.addAll(fieldCulprits(fields, 5));
        culprits.addAll(culprits(bySite, Culprit.Kind.SITE, 3));
        culprits.addAll(culprits(byChannel, Culprit.Kind.CHANNEL, 3));
        culprits.addAll(storeCulprits(writes, wasteful, wasted, 3));
        result.addResult(TOP_CLASS, byClass.get(0).key()).addResult(Culprit.CULPRITS, culprits);
        String where = ", mostly {topClass}" + (bySite.isEmpty() ? " (" + SerialScopeEvents.HOW_TO_RECORD_EVERY_CALL
                + " to see the call sites)." : " from {topSite} to {topChannel}.");
        if (!bySite.isEmpty()) {
            result.addResult(TOP_SITE, bySite.get(0).key()).addResult(TOP_CHANNEL, byChannel.get(0).key());
        }
        boolean rmi = !bySite.isEmpty() && RmiMethods.isRmi(bySite.get(0).key());
        Library library = ServingLibrary.of(writes, wasteful, wasted);
        String libraryFix = library == null ? null : LibraryAdvice.payloads(library);

        if (fields.wastedBytes() > rootWaste) {
            RepeatedFields.Group top = fields.groups().get(0);
            return withField(result, top).addResult(SAME_WHAT, "the same sub-object")
                    .setSummary("{topField} ({topFieldClass}, {topFieldSize}) was the same object in {topFieldCalls}: "
                            + "{wastedBytes} ({wastedShare} of the bytes written) repeated what earlier calls had "
                            + "sent, mostly from {topSite} to {topChannel}.")
                    .setExplanation("The Serialization Composition events trace calls field by field. In these calls "
                            + "the object at {topField} had the same identity hash code, class and size every time: "
                            + "the same unchanged object, serialized again in full inside every new root object. A "
                            + "new stream, or reset() on a long-lived one, forgets that the receiver already has it, "
                            + "so only the first copy was needed; the rest cost serialization time, bandwidth and "
                            + "deserialization time and memory on the receiver."
                            + (top.sampled() ? SAMPLED_FIELD : "")
                            + (rmi ? RmiMethods.EXPLANATION : ""))
                    .setSolution(fieldSolution(top))
                    .build();
        }
        String sameWhat = sameObject > 0 && sameBytes > 0 ? "the same object or the same bytes"
                : sameObject > 0 ? "the same object" : "the same bytes";
        if (isDeepCopy(recording, byClass.get(0).key(), bySite, byChannel)) {
            return result.addResult(SAME_WHAT, sameWhat)
                    .setSummary("{topClass} was deep-copied through serialization: {wastedBytes} ({wastedShare} of "
                            + "the bytes written) repeated an earlier copy in {repeatedCalls} " + noun(repeatedCalls, "call") + where)
                    .setExplanation("These calls wrote {sameWhat} as an earlier call to memory, and {topClass} was "
                            + "read back about as often: serialization used as a deep copy (as SerializationUtils"
                            + ".clone does). Every copy writes and parses the whole object graph, class descriptors "
                            + "included, to produce an object equal to one the program already has.")
                    .setSolution("Copy {topClass} without serialization: a copy constructor or copy method, a "
                            + "copying library, or no copy at all if the object is made immutable (or wrapped "
                            + "read-only) and shared; if only part of it changes per request, copy only that part.")
                    .build();
        }
        return result.addResult(SAME_WHAT, sameWhat)
                .setSummary("{wastedBytes} ({wastedShare} of the bytes written) repeated an earlier payload in "
                        + "{repeatedCalls} " + noun(repeatedCalls, "call") + where)
                .setExplanation("These calls wrote {sameWhat} as an earlier call: the identity hash code and "
                        + "class of the root object (and, counted by the agent in every call of at least 1 KiB, "
                        + "its size), or the content hash of the bytes (recorded with the diagnose profile), were "
                        + "equal. Only the first of each was needed; the rest cost serialization time, bandwidth "
                        + "and deserialization time on the receiver. Writing the same object twice on one "
                        + "ObjectOutputStream costs only a back-reference, so the repeats come from new streams, "
                        + "reset() or writeUnshared."
                        + (rmi ? RmiMethods.EXPLANATION : ""))
                .setSolution(libraryFix != null ? libraryFix
                        : "Send {topClass} once and refer to it afterwards by an id or version, cache its "
                        + "serialized bytes and write those instead of serializing it again, or mark the field "
                        + "that holds the unchanged data transient and rebuild it on the receiver.")
                .build();
    }

    /** The recurring sub-objects by field path: one culprit for a path that several serializers repeated. */
    private static List<Culprit> fieldCulprits(RepeatedFields fields, int limit) {
        Map<String, Culprit> byPath = new LinkedHashMap<>();
        for (RepeatedFields.Group group : fields.groups()) {
            Culprit culprit = group.toCulprit();
            byPath.merge(culprit.name(), culprit, (a, b) -> new Culprit(Culprit.Kind.FIELD, a.name(),
                    a.bytes() + b.bytes(), a.count() + b.count()));
        }
        return byPath.values().stream().limit(limit).toList();
    }

    /** The recurring sub-object's results: {topField}, {topFieldClass}, {topFieldSize}, {topFieldCalls}. */
    private static ResultBuilder withField(ResultBuilder result, RepeatedFields.Group field) {
        result.addResult(TOP_FIELD, field.shortPath()).addResult(TOP_FIELD_CLASS, field.shortValueClass())
                .addResult(TOP_FIELD_SIZE, bytes(field.bytes())).addResult(TOP_FIELD_CALLS, field.sameIn());
        return field.capturedByLambda()
                ? result.addResult(CAPTURED_BY, Composition.shortName(field.rootClass())) : result;
    }

    private static String fieldSolution(RepeatedFields.Group field) {
        return field.capturedByLambda()
                ? "The object was captured by a serializable lambda: copy what the lambda needs into local variables "
                        + "so that it does not capture {topFieldClass} (see Captured This in Serialized Lambdas), or "
                        + "keep {topFieldClass} on the receiver and send only an id."
                : "Mark {topField} transient and send it once (a broadcast, or a first message that the receiver "
                        + "keeps), or keep it on the receiver and send only an id or version; the root then carries "
                        + "only what changes from call to call.";
    }

    /**
     * The sub-object that recurred in the writes of the payload read again: the same root class, and small
     * enough to be part of one read. The write side traced it field by field; a read is known only by its shape.
     */
    private static Optional<RepeatedFields.Group> writtenField(RepeatedFields fields, String rootClass,
            long payloadSize) {
        return fields.groups().stream()
                .filter(group -> group.rootClass().equals(rootClass) && group.bytes() <= payloadSize).findFirst();
    }

    /** The same payload read again and again; for Spark's task binaries, named with what the closure captured. */
    private IResult repeatedReads(RecordingModel recording, IPreferenceValueProvider vp, CallTable writes,
            CallTable reads, BitSet repeats, RepeatedFields fields, long wastedBytes, double wastedShare,
            double score) {
        IntToLongFunction wasted = reads::countedBytes;
        List<Tally> byClass = reads.tally(CallTable.Key.ROOT_CLASS, repeats::get, wasted, Tally::bytes);
        List<Tally> bySite = reads.tally(CallTable.Key.SITE, repeats::get, wasted, Tally::bytes);
        List<Tally> byChannel = reads.tally(CallTable.Key.CHANNEL, repeats::get, wasted, Tally::bytes);
        String topClass = byClass.get(0).key();
        String topSite = bySite.get(0).key();
        long payloadSize = repeats.stream().filter(row -> reads.rootClass(row).equals(topClass))
                .mapToLong(reads::countedBytes).max().orElse(0);
        List<Culprit> culprits = new ArrayList<>(culprits(byClass, Culprit.Kind.CLASS, 5));
        ResultBuilder result = scored(vp, score).addResult(WASTED_BYTES, bytes(wastedBytes))
                .addResult(WASTED_SHARE, share(wastedShare))
                .addResult(REPEATED_CALLS, UnitLookup.NUMBER_UNITY.quantity(repeats.cardinality()))
                .addResult(DIRECTION, "read").addResult(SAME_WHAT, "the same payload read again")
                .addResult(TOP_CLASS, topClass).addResult(TOP_SITE, topSite)
                .addResult(TOP_CHANNEL, byChannel.get(0).key()).addResult(PAYLOAD_SIZE, bytes(payloadSize))
                .addResult(TIMES_READ, UnitLookup.NUMBER_UNITY.quantity(ReadRepeats.timesRead(reads, repeats, topClass)));
        String explanation = "These reads had the same content hash as an earlier read (reads from a byte array, "
                + "fingerprinted with the contentHash setting of the diagnose profile), or else the same root class, "
                + "exact size and class descriptors at the same call site: the same payload, decoded again in full, "
                + "which costs the time and memory of building the whole object graph each time.";
        if (SparkClosures.isTaskBinary(topClass, topSite)) {
            Optional<SparkClosures.Captured> captured = SparkClosures.capturedValue(recording.compositions(), writes,
                    payloadSize);
            String named = "";
            if (captured.isPresent()) {
                FieldPaths.Heaviest path = captured.get().path();
                culprits.add(path.toCulprit());
                result.addResult(TOP_FIELD, path.shortPath())
                        .addResult(TOP_FIELD_CLASS, Composition.shortName(path.valueClass()))
                        .addResult(TOP_FIELD_SIZE, bytes(path.bytesPerCall()))
                        .addResult(CAPTURED_BY, captured.get().shortLambdaClass());
                named = " Most of it is what {capturedBy} captured: {topField} ({topFieldClass}, {topFieldSize}).";
            }
            addWhere(culprits, bySite, byChannel);
            return result.addResult(Culprit.CULPRITS, culprits)
                    .setSummary("Spark's task binary ({topClass}, {payloadSize}) was deserialized by {timesRead} "
                            + "tasks: {wastedBytes} ({wastedShare} of the bytes read) read again." + named)
                    .setExplanation("For each stage Spark serializes the stage's RDD and function once, the task "
                            + "binary, and every task deserializes it again, so whatever a closure captured is read "
                            + "once per task: its size times the number of tasks. " + explanation
                            + (captured.isPresent() ? " The captured value was found on the heaviest field path of "
                                    + "a traced closure (Serialization Composition events)."
                                    : " To see what the closure captured, "
                                            + SerialScopeEvents.HOW_TO_RECORD_COMPOSITION + "."))
                    .setSolution(SparkClosures.BROADCAST_ADVICE)
                    .build();
        }
        Optional<RepeatedFields.Group> field = writtenField(fields, topClass, payloadSize);
        String summary = "{topClass} was read again and again: {wastedBytes} ({wastedShare} of the bytes read) "
                + "repeated an earlier read in {repeatedCalls} " + noun(repeats.cardinality(), "call")
                + ", mostly at {topSite} from {topChannel}.";
        if (field.isEmpty()) {
            addWhere(culprits, bySite, byChannel);
            return result.addResult(Culprit.CULPRITS, culprits).setSummary(summary).setExplanation(explanation)
                    .setSolution("Decode {topClass} once and keep the object while it does not change (a cache keyed "
                            + "by version), or have the sender send it once and refer to it by id afterwards.")
                    .build();
        }
        RepeatedFields.Group top = field.get();
        culprits.add(top.toCulprit());
        addWhere(culprits, bySite, byChannel);
        return withField(result, top).addResult(Culprit.CULPRITS, culprits)
                .setSummary(summary + " Its writes carried the same {topField} ({topFieldClass}, {topFieldSize}) in "
                        + "{topFieldCalls}: the part that repeats.")
                .setExplanation(explanation + " The Serialization Composition events of the writes of {topClass} "
                        + "found the same object (identity hash code, class and size) at {topField} in {topFieldCalls}: "
                        + "serialized and read again in full inside every new root object, although only the first "
                        + "copy was needed." + (top.sampled() ? SAMPLED_FIELD : ""))
                .setSolution(fieldSolution(top))
                .build();
    }

    private static void addWhere(List<Culprit> culprits, List<Tally> bySite, List<Tally> byChannel) {
        culprits.addAll(culprits(bySite, Culprit.Kind.SITE, 3));
        culprits.addAll(culprits(byChannel, Culprit.Kind.CHANNEL, 3));
    }
}
