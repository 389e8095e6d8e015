package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.openjdk.jmc.common.unit.BinaryPrefix;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.analysis.CountedSizes;
import dev.serialscope.rules.analysis.FieldPaths;
import dev.serialscope.rules.analysis.LibraryAdvice;
import dev.serialscope.rules.analysis.ServingLibrary;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.analysis.SparkClosures;
import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.recording.Library;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.RmiMethods;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.SizeDistribution;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * Single calls that write (or read) a lot: the root class and direction whose large calls cost the
 * most bytes in total, its largest payload and 95th percentile, with the call site and channel of that
 * largest one. The statistics' largest call and size distribution count every call, so they give the
 * subject, the largest payload, the calls of at least the info limit and the percentile (an upper bound
 * when the per-call events do not cover every call); the per-call events give the sites and channels.
 * Recordings without size distributions are judged from their per-call events. A byte array that holds an
 * earlier call's output (a Spark broadcast block) is not a payload of its own. Large payloads cost memory
 * on both sides, network time and latency, and often carry data the receiver never needed.
 */
public final class LargePayloadRule extends SerialScopeRule {

    public static final TypedPreference<IQuantity> INFO_SIZE = new TypedPreference<>(
            "serialscope.largePayload.infoSize", "Large payload info limit",
            "A single call of at least this size gives an information.", UnitLookup.MEMORY,
            UnitLookup.MEMORY.getUnit(BinaryPrefix.KIBI).quantity(128));
    public static final TypedPreference<IQuantity> WARNING_SIZE = new TypedPreference<>(
            "serialscope.largePayload.warningSize", "Large payload warning limit",
            "A single call of at least this size gives a warning.", UnitLookup.MEMORY,
            UnitLookup.MEMORY.getUnit(BinaryPrefix.MEBI).quantity(1));

    public static final TypedResult<String> LARGEST_CLASS = text("largestClass", "Largest Payload Class",
            "The root class of the largest payload.");
    public static final TypedResult<IQuantity> LARGEST_SIZE = quantity("largestSize", "Largest Payload",
            "The size of the largest payload.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> LARGEST_P95 = quantity("largestClassP95",
            "95th Percentile of the Largest Class", "95 % of the payloads of that root class were at most this size.",
            UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> LARGE_CALLS = quantity("largeCalls", "Large Calls",
            "Calls of the largest class, in its direction, of at least the info limit.", UnitLookup.NUMBER);
    public static final TypedResult<IQuantity> CLASS_CALLS = quantity("classCalls", "Calls of the Largest Class",
            "Calls of the largest class in its direction, counted by the statistics (every call).", UnitLookup.NUMBER);
    public static final TypedResult<IQuantity> COUNTED_CALLS = quantity("countedCalls", "Counted Calls",
            "Calls of both directions counted by the statistics (every call).", UnitLookup.NUMBER);
    public static final TypedResult<String> LARGEST_SITE = text("largestSite", "Largest Payload Call Site",
            "The call site of the largest payload.");
    public static final TypedResult<String> LARGEST_CHANNEL = text("largestChannel", "Largest Payload Channel",
            "The channel of the largest payload.");

    public static final TypedResult<String> HEAVIEST_FIELD = text("heaviestField", "Heaviest Field",
            "The field path of the largest class that holds most of its bytes (from Serialization Composition events).");
    public static final TypedResult<String> HEAVIEST_FIELD_CLASS = text("heaviestFieldClass",
            "Class of the Heaviest Field", "The class of the object at that field path.");
    public static final TypedResult<IQuantity> HEAVIEST_FIELD_SIZE = quantity("heaviestFieldSize",
            "Size of the Heaviest Field", "Its bytes per traced call.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> HEAVIEST_FIELD_SHARE = quantity("heaviestFieldShare",
            "Share of the Heaviest Field", "Its bytes as a share of the traced payloads.", UnitLookup.PERCENTAGE);

    /** Site and channel of a class none of whose calls has a per-call event. */
    private static final String NO_PER_CALL_EVENT = "unknown (no per-call event)";

    public LargePayloadRule() {
        super("serialscope.largePayload", "Large Payloads", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_SIZE, WARNING_SIZE, CallSites.LIBRARIES),
                List.of(LARGEST_CLASS, LARGEST_SIZE, LARGEST_P95, LARGE_CALLS, CLASS_CALLS, COUNTED_CALLS,
                        LARGEST_SITE, LARGEST_CHANNEL,
                        HEAVIEST_FIELD, HEAVIEST_FIELD_CLASS, HEAVIEST_FIELD_SIZE, HEAVIEST_FIELD_SHARE));
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        // Calls made by RMI name the remote method as their site (their stacks show only RMI's machinery).
        CallTable writes = RmiMethods.relabel(recording, recording.calls(SerialScopeEvents.SERIALIZATION));
        CallTable reads = RmiMethods.relabel(recording, recording.calls(SerialScopeEvents.DESERIALIZATION));
        long infoBytes = (long) value(vp, INFO_SIZE, UnitLookup.BYTE);
        List<CountedSizes> counted = CountedSizes.of(recording);
        if (counted.isEmpty() && writes.isEmpty() && reads.isEmpty()) {
            if (hasSerialScopeEvents(recording)) {
                // Only statistics without sizes: every call stayed below the per-call thresholds (64 KiB by default).
                return scored(vp, 0).setSummary("No call was large enough to pass the recording's per-call "
                        + "size threshold.").build();
            }
            return notRecorded(recording, vp, "serialization events");
        }
        List<Call> largeWrites = largeCalls(writes, infoBytes);
        List<Call> largeReads = largeCalls(reads, infoBytes);
        Subject subject = counted.isEmpty() ? fromCalls(writes, reads, largeWrites, largeReads)
                : fromStatistics(counted, infoBytes, writes, reads);
        if (subject == null) {
            return notApplicable(vp, "No recorded call could be measured: the streams were created before the "
                    + "agent was attached.");
        }
        double score = RulesToolkit.mapExp100(subject.largest(), infoBytes, value(vp, WARNING_SIZE, UnitLookup.BYTE));
        if (severity(score) == Severity.OK) {
            var ok = scored(vp, score).addResult(LARGEST_SIZE, bytes(subject.largest()))
                    .addResult(LARGEST_CLASS, subject.rootClass());
            if (subject.classCalls() > 0) {
                long allCalls = counted.stream().mapToLong(CountedSizes::calls).sum();
                return ok.addResult(COUNTED_CALLS, UnitLookup.NUMBER_UNITY.quantity(allCalls))
                        .setSummary("The largest of {countedCalls} " + noun(allCalls, "call")
                                + " was {largestSize} ({largestClass}).").build();
            }
            return ok.setSummary("The largest payload was {largestSize} ({largestClass}).").build();
        }

        boolean write = subject.write();
        CallTable sameDirection = write ? writes : reads;
        List<Call> large = write ? largeWrites : largeReads;
        List<Call> otherLarge = write ? largeReads : largeWrites;
        List<Culprit> culprits = new ArrayList<>(subject.classCulprits());
        culprits.addAll(culprits(large, otherLarge, Call::site, Culprit.Kind.SITE, 3));
        culprits.addAll(culprits(large, otherLarge, Call::channel, Culprit.Kind.CHANNEL, 3));
        Call largest = largest(sameDirection, subject.rootClass());
        String site = largest == null ? NO_PER_CALL_EVENT : largest.site();
        String channel = largest == null ? NO_PER_CALL_EVENT : largest.channel();
        String directionCalls = write ? "writes" : "reads";
        String counts = subject.classCalls() == 1 ? "its only " + (write ? "write" : "read") + " was"
                : subject.classCalls() > 0 ? "{largeCalls}" + (subject.largeCallsExact() ? "" : " or more") + " of its {classCalls} "
                        + directionCalls + (subject.largeCalls() == 1 && subject.largeCallsExact() ? " was" : " were")
                : "{largeCalls} of its " + directionCalls + (subject.largeCalls() == 1 ? " was" : " were");
        String verb = (write ? "written from {largestSite} to {largestChannel}" : "read from {largestChannel} at {largestSite}")
                + "; " + counts + " at least {" + INFO_SIZE.getIdentifier() + "}";
        // Only writes are traced field by field; a class read back has the paths of its traced writes.
        Optional<FieldPaths.Heaviest> heaviest =
                FieldPaths.of(subject.rootClass(), recording.compositions(), writes).heaviest();
        var result = scored(vp, score)
                .addResult(LARGEST_CLASS, subject.rootClass()).addResult(LARGEST_SIZE, bytes(subject.largest()))
                .addResult(LARGEST_P95, bytes(subject.p95()))
                .addResult(LARGE_CALLS, UnitLookup.NUMBER_UNITY.quantity(subject.largeCalls()))
                .addResult(LARGEST_SITE, site).addResult(LARGEST_CHANNEL, channel);
        if (subject.classCalls() > 0) {
            result.addResult(CLASS_CALLS, UnitLookup.NUMBER_UNITY.quantity(subject.classCalls()));
        }
        Library library = ServingLibrary.of(sameDirection, row -> sameDirection.bytes(row) >= infoBytes,
                sameDirection::countedBytes);
        String libraryFix = library == null ? null : LibraryAdvice.payloads(library);
        String fieldSentence = "";
        String fieldSolution = "Find what {largestClass} reaches that the receiver does not need";
        if (heaviest.isPresent()) {
            FieldPaths.Heaviest field = heaviest.get();
            // After the classes, before sites and channels.
            culprits.add((int) culprits.stream().filter(culprit -> culprit.kind() == Culprit.Kind.CLASS).count(),
                    field.toCulprit());
            result.addResult(HEAVIEST_FIELD, field.shortPath())
                    .addResult(HEAVIEST_FIELD_CLASS, Composition.shortName(field.valueClass()))
                    .addResult(HEAVIEST_FIELD_SIZE, bytes(field.bytesPerCall()))
                    .addResult(HEAVIEST_FIELD_SHARE, share(field.share()));
            fieldSentence = " Most of it is {heaviestField} ({heaviestFieldClass}, {heaviestFieldSize}, "
                    + "{heaviestFieldShare} of the traced payloads).";
            fieldSolution = "Start with {heaviestField}: does the receiver need it? Find what {largestClass} "
                    + "reaches that the receiver does not need";
        }
        // Spark's task binary, read by every task: what its closure captured is the thing to send once.
        boolean taskBinary = !write && SparkClosures.isTaskBinary(subject.rootClass(), site);
        return result
                .setSummary("{largestClass} payloads reach {largestSize} (95th percentile "
                        + (subject.p95Exact() ? "" : "at most ") + "{largestClassP95}), " + verb + "."
                        + fieldSentence)
                .setExplanation("Each of these calls builds the whole payload in memory on both sides and sends "
                        + "it in one piece, which costs memory, network time and latency. A payload is often large "
                        + "because the root object reaches more than the receiver needs: a shared read-only table, a "
                        + "cache, a parent object, or a whole collection where one element would do."
                        + (subject.classCalls() > 0 ? " The calls, the largest and the sizes are counted by the "
                                + "statistics, every call; the call site and channel are those of the largest call "
                                + "with a per-call event." + (subject.p95Exact() ? ""
                                        : " The percentile is the upper bound of its power-of-two size class.")
                                : "")
                        + (heaviest.isPresent() ? " The field paths come from the Serialization Composition events, "
                                + "which trace sampled calls field by field."
                                : " To see which field holds the bytes, " + SerialScopeEvents.HOW_TO_RECORD_COMPOSITION
                                        + ".")
                        + (RmiMethods.isRmi(site) ? RmiMethods.EXPLANATION : "")
                        + (taskBinary ? " These reads are Spark's task binary (the stage's RDD and function), which "
                                + "every task deserializes again." : ""))
                .setSolution(taskBinary ? SparkClosures.BROADCAST_ADVICE : fieldSolution + ": make such fields "
                        + "transient (and rebuild them on the receiver), send a large read-only object once and refer "
                        + "to it by id afterwards, or split the payload into smaller messages or a stream of "
                        + "elements." + (libraryFix == null ? "" : " " + libraryFix))
                .addResult(Culprit.CULPRITS, culprits).build();
    }

    /**
     * The class and direction a finding is about, with what is known of its calls: from the statistics every call
     * ({@code classCalls} > 0), else the per-call events alone.
     */
    private record Subject(boolean write, String rootClass, long largest, long p95, boolean p95Exact,
            long largeCalls, boolean largeCallsExact, long classCalls, List<Culprit> classCulprits) {
    }

    /**
     * From the statistics: the class and direction whose calls of at least the info limit add up to the most bytes,
     * else the one with the largest call. The percentile is exact when per-call events cover all its calls.
     */
    private static Subject fromStatistics(List<CountedSizes> counted, long infoBytes, CallTable writes,
            CallTable reads) {
        Comparator<CountedSizes> byLargeBytes = Comparator.comparingLong(sizes -> sizes.atLeast(infoBytes).bytes());
        Comparator<CountedSizes> byLargest = Comparator.comparingLong(CountedSizes::largest);
        // Writes come first: of equal ones, the first wins.
        CountedSizes top = counted.stream().reduce((a, b) -> byLargeBytes.compare(b, a) > 0 ? b : a).orElseThrow();
        if (top.atLeast(infoBytes).bytes() == 0) {
            top = counted.stream().reduce((a, b) -> byLargest.compare(b, a) > 0 ? b : a).orElseThrow();
        }
        CallTable sameDirection = top.write() ? writes : reads;
        long perCall = measuredOf(sameDirection, top.rootClass());
        boolean p95Exact = perCall >= top.sizes().calls();
        SizeDistribution.Count large = top.atLeast(infoBytes);
        List<Culprit> classes = new ArrayList<>();
        for (boolean sameWay : new boolean[] {true, false}) {
            boolean write = sameWay == top.write();
            counted.stream().filter(sizes -> sizes.write() == write && sizes.atLeast(infoBytes).calls() > 0)
                    .filter(sizes -> classes.stream().noneMatch(culprit -> culprit.name().equals(sizes.rootClass())))
                    .sorted(byLargeBytes.reversed())
                    .map(sizes -> new Culprit(Culprit.Kind.CLASS, sizes.rootClass(), sizes.atLeast(infoBytes).bytes(),
                            sizes.atLeast(infoBytes).calls()))
                    .limit(Math.max(0, 5 - classes.size())).forEach(classes::add);
        }
        return new Subject(top.write(), top.rootClass(), top.largest(),
                p95Exact ? p95(sameDirection, top.rootClass()) : top.p95AtMost(), p95Exact, large.calls(),
                large.exact(), top.calls(), classes);
    }

    /** From the per-call events alone (recordings without Serialization Sizes events). */
    private static Subject fromCalls(CallTable writes, CallTable reads, List<Call> largeWrites, List<Call> largeReads) {
        Call largestWrite = largest(writes, null);
        Call largestRead = largest(reads, null);
        if (largestWrite == null && largestRead == null) {
            return null;
        }
        // The subject: the class and direction whose large calls add up to the most bytes, else the largest call.
        Tally topWrite = Tally.of(largeWrites, Call::rootClass, Tally::bytes).stream().findFirst().orElse(null);
        Tally topRead = Tally.of(largeReads, Call::rootClass, Tally::bytes).stream().findFirst().orElse(null);
        boolean writeIsLargest = topWrite != null || topRead != null
                ? topRead == null || topWrite != null && topWrite.bytes() >= topRead.bytes()
                : largestRead == null || largestWrite != null && largestWrite.bytes() >= largestRead.bytes();
        CallTable sameDirection = writeIsLargest ? writes : reads;
        Tally top = writeIsLargest ? topWrite : topRead;
        Call largest = top == null ? (writeIsLargest ? largestWrite : largestRead)
                : largest(sameDirection, top.key());
        List<Call> large = writeIsLargest ? largeWrites : largeReads;
        List<Call> otherLarge = writeIsLargest ? largeReads : largeWrites;
        long largeOfClass = large.stream().filter(call -> call.rootClass().equals(largest.rootClass())).count();
        return new Subject(writeIsLargest, largest.rootClass(), largest.bytes(), p95(sameDirection, largest.rootClass()),
                true, largeOfClass, true, 0, culprits(large, otherLarge, Call::rootClass, Culprit.Kind.CLASS, 5));
    }

    private static long measuredOf(CallTable calls, String rootClass) {
        long measured = 0;
        for (int row = 0; row < calls.size(); row++) {
            if (calls.measured(row) && calls.rootClass(row).equals(rootClass)) {
                measured++;
            }
        }
        return measured;
    }

    /** The culprits of the subject's direction first, then those of the other direction that are not among them. */
    private static List<Culprit> culprits(List<Call> subject, List<Call> other, Function<Call, String> key,
            Culprit.Kind kind, int limit) {
        List<Culprit> culprits = new ArrayList<>(culprits(Tally.of(subject, key, Tally::bytes), kind, limit));
        List<Tally> more = Tally.of(other, key, Tally::bytes).stream()
                .filter(tally -> culprits.stream().noneMatch(culprit -> culprit.name().equals(tally.key()))).toList();
        culprits.addAll(culprits(more, kind, Math.max(0, limit - culprits.size())));
        return culprits;
    }

    /** The largest measured call, of {@code rootClass} unless it is null; a byte array of serialized output is none. */
    private static Call largest(CallTable calls, String rootClass) {
        int largest = -1;
        for (int row = 0; row < calls.size(); row++) {
            // The first of equal sizes.
            if (calls.measured(row) && !calls.serializedOutput(row)
                    && (rootClass == null || calls.rootClass(row).equals(rootClass))
                    && (largest < 0 || calls.bytes(row) > calls.bytes(largest))) {
                largest = row;
            }
        }
        return largest < 0 ? null : calls.get(largest);
    }

    private static List<Call> largeCalls(CallTable calls, long minBytes) {
        List<Call> large = new ArrayList<>();
        for (int row = 0; row < calls.size(); row++) {
            if (calls.bytes(row) >= minBytes && !calls.serializedOutput(row)) {
                large.add(calls.get(row));
            }
        }
        return large;
    }

    /** The nearest-rank 95th percentile of the measured sizes of one root class. */
    static long p95(CallTable calls, String rootClass) {
        long[] sizes = new long[calls.size()];
        int count = 0;
        for (int row = 0; row < calls.size(); row++) {
            if (calls.measured(row) && calls.rootClass(row).equals(rootClass)) {
                sizes[count++] = calls.bytes(row);
            }
        }
        Arrays.sort(sizes, 0, count);
        int rank = (int) Math.ceil(0.95 * count);
        return sizes[rank - 1];
    }
}
