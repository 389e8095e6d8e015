package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.StatisticsRow;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * The serialized size of a root class rising steadily over the recording: state accumulates in an
 * object that is replicated or re-sent (a history list, a cache, a listener set), so every copy
 * costs more than the one before, without bound.
 */
public final class PayloadGrowthRule extends SerialScopeRule {

    /**
     * How closely size must follow the order of the calls (Pearson correlation) to call the growth
     * steady; random sizes stay far below, a payload that only grows stays close to 1.
     */
    private static final double MIN_CORRELATION = 0.6;

    /** Growth of less than this per call costs little, whatever the ratio. */
    private static final long MIN_GROWTH_BYTES = 1024;

    public static final TypedPreference<IQuantity> INFO_RATIO = new TypedPreference<>(
            "serialscope.payloadGrowth.infoRatio", "Payload growth info limit",
            "Average size of the last quarter of a class's calls divided by that of the first quarter, for an "
                    + "information.",
            UnitLookup.NUMBER, UnitLookup.NUMBER_UNITY.quantity(1.5));
    public static final TypedPreference<IQuantity> WARNING_RATIO = new TypedPreference<>(
            "serialscope.payloadGrowth.warningRatio", "Payload growth warning limit",
            "Average size of the last quarter of a class's calls divided by that of the first quarter, for a "
                    + "warning.",
            UnitLookup.NUMBER, UnitLookup.NUMBER_UNITY.quantity(3));
    public static final TypedPreference<IQuantity> MIN_SAMPLES = new TypedPreference<>(
            "serialscope.payloadGrowth.minSamples", "Payload growth minimum calls",
            "Root classes with fewer per-call events than this are not judged.", UnitLookup.NUMBER,
            UnitLookup.NUMBER_UNITY.quantity(20));

    public static final TypedResult<String> GROWING_CLASS = text("growingClass", "Growing Class",
            "The root class whose payloads grew the most.");
    public static final TypedResult<IQuantity> EARLY_SIZE = quantity("earlySize", "Early Size",
            "Average size of the first quarter of its calls.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> LATE_SIZE = quantity("lateSize", "Late Size",
            "Average size of the last quarter of its calls.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> GROWTH_RATIO = quantity("growthRatio", "Growth Ratio",
            "Late size divided by early size.", UnitLookup.NUMBER);
    public static final TypedResult<IQuantity> SAMPLES = quantity("growthSamples", "Calls",
            "Per-call events of the growing class.", UnitLookup.NUMBER);
    public static final TypedResult<String> GROWING_SITE = text("growingSite", "Call Site",
            "The call site of most of the growing class's calls.");
    public static final TypedResult<String> GROWING_CHANNEL = text("growingChannel", "Channel",
            "The channel of most of the growing class's calls.");

    public PayloadGrowthRule() {
        super("serialscope.payloadGrowth", "Payload Growth", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_RATIO, WARNING_RATIO, MIN_SAMPLES, CallSites.LIBRARIES),
                List.of(GROWING_CLASS, EARLY_SIZE, LATE_SIZE, GROWTH_RATIO, SAMPLES, GROWING_SITE, GROWING_CHANNEL));
    }

    /** Periods of statistics a class needs for its growth to be judged from them rather than from per-call events. */
    private static final int MIN_PERIODS = 3;

    /**
     * The growth of one root class over its calls in time order: {@code rows} are its per-call events, and
     * {@code calls} the calls the sizes were taken from (more than the rows when taken from the statistics).
     */
    private record Growth(String rootClass, int[] rows, long calls, long bytes, double early, double late,
            double ratio) {
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
        Map<String, List<StatisticsRow>> periods = StatisticsRow.readAll(recording, SerialScopeEvents.WRITE).stream()
                .filter(row -> !row.rootClass().equals(StatisticsRow.OTHER_CLASSES) && row.calls() > 0)
                .collect(Collectors.groupingBy(StatisticsRow::rootClass, TreeMap::new, Collectors.toList()));
        if (writes.isEmpty() && periods.isEmpty()) {
            return notRecorded(recording, vp, "per-call serialization events");
        }
        int[][] byClass = writes.rowsByClass(writes::measured);
        double minSamples = value(vp, MIN_SAMPLES, UnitLookup.NUMBER_UNITY);
        Map<String, Growth> growthByClass = new TreeMap<>();
        for (int index = 0; index < byClass.length; index++) {
            if (byClass[index].length > 0 && byClass[index].length >= minSamples) {
                growthByClass.put(writes.className(index), growth(writes, writes.className(index), byClass[index]));
            }
        }
        // The statistics count every call: where they span enough periods, they judge the class.
        Map<String, int[]> rowsOf = new HashMap<>();
        for (int index = 0; index < byClass.length; index++) {
            rowsOf.put(writes.className(index), byClass[index]);
        }
        periods.forEach((rootClass, rows) -> {
            if (rows.size() >= MIN_PERIODS && StatisticsRow.totalCalls(rows) >= minSamples) {
                growthByClass.put(rootClass, countedGrowth(rootClass, rows, rowsOf.getOrDefault(rootClass, new int[0])));
            }
        });
        List<Growth> growths = new ArrayList<>(growthByClass.values());
        if (growths.isEmpty()) {
            return notApplicable(vp, "No root class has " + (long) minSamples + " or more per-call serialization "
                    + "events, or " + MIN_PERIODS + " periods of statistics, to judge its growth; for more events "
                    + SerialScopeEvents.HOW_TO_RECORD_EVERY_CALL + ".");
        }
        growths.sort(Comparator.comparingDouble(Growth::ratio).reversed().thenComparing(Growth::rootClass));
        Growth top = growths.get(0);
        double infoRatio = value(vp, INFO_RATIO, UnitLookup.NUMBER_UNITY);
        // Scores the growth above 1, so that a class that does not grow at all scores 0.
        double score = RulesToolkit.mapExp100(top.ratio() - 1, infoRatio - 1,
                value(vp, WARNING_RATIO, UnitLookup.NUMBER_UNITY) - 1);
        if (severity(score) == Severity.OK) {
            return scored(vp, score).addResult(GROWING_CLASS, top.rootClass())
                    .addResult(GROWTH_RATIO, UnitLookup.NUMBER_UNITY.quantity(top.ratio()))
                    .setSummary("No root class grew steadily; the most was {growingClass} (ratio {growthRatio}).")
                    .build();
        }

        List<Culprit> culprits = new ArrayList<>();
        for (Growth growth : growths) {
            if (growth.ratio() >= infoRatio) {
                culprits.add(new Culprit(Culprit.Kind.CLASS, growth.rootClass(), growth.bytes(), growth.calls()));
            }
        }
        BitSet topRows = new BitSet(writes.size());
        Arrays.stream(top.rows()).forEach(topRows::set);
        List<Tally> bySite = writes.tally(CallTable.Key.SITE, topRows::get, writes::countedBytes, Tally::bytes);
        List<Tally> byChannel = writes.tally(CallTable.Key.CHANNEL, topRows::get, writes::countedBytes, Tally::bytes);
        culprits.addAll(culprits(bySite, Culprit.Kind.SITE, 2));
        culprits.addAll(culprits(byChannel, Culprit.Kind.CHANNEL, 2));
        ResultBuilder result = scored(vp, score).addResult(GROWING_CLASS, top.rootClass())
                .addResult(EARLY_SIZE, bytes(Math.round(top.early())))
                .addResult(LATE_SIZE, bytes(Math.round(top.late())))
                .addResult(GROWTH_RATIO, UnitLookup.NUMBER_UNITY.quantity(top.ratio()))
                .addResult(SAMPLES, UnitLookup.NUMBER_UNITY.quantity(top.calls()));
        String grew = "{growingClass} payloads grew steadily from {earlySize} to {lateSize} ({growthRatio} times) over "
                + "{growthSamples} calls";
        if (bySite.isEmpty()) {
            result.setSummary(grew + " (" + SerialScopeEvents.HOW_TO_RECORD_EVERY_CALL + " to see their call sites).");
        } else {
            result.addResult(GROWING_SITE, bySite.get(0).key()).addResult(GROWING_CHANNEL, byChannel.get(0).key())
                    .setSummary(grew + ", written from {growingSite} to {growingChannel}.");
        }
        return result
                .setExplanation("The size of each call follows the order of the calls: something reachable from "
                        + "{growingClass} accumulates and is sent again with every copy, so each copy costs more "
                        + "than the one before, and the growth has no visible bound. Compared are the average sizes "
                        + "of the first and the last quarter of the class's calls"
                        + (top.calls() > top.rows().length ? ", from the statistics, which count every call and "
                                + "average the sizes per period." : "."))
                .setSolution("Find the collection that grows inside {growingClass} (a history or event list, a "
                        + "cache, a set of listeners or visited ids), then cap or clear it, mark it transient, or "
                        + "send only the changes since the previous message instead of the whole state.")
                .addResult(Culprit.CULPRITS, culprits).build();
    }

    /** Late-versus-early ratio, counted only when the sizes follow time closely and grow by enough bytes. */
    private static Growth growth(CallTable writes, String rootClass, int[] rows) {
        int quarter = Math.max(1, rows.length / 4);
        double early = (double) sum(writes, rows, 0, quarter) / quarter;
        double late = (double) sum(writes, rows, rows.length - quarter, rows.length) / quarter;
        return ratio(rootClass, rows, rows.length, sum(writes, rows, 0, rows.length), early, late,
                correlation(writes, rows));
    }

    /**
     * The same from the periods of the statistics: the average size of each period stands for all its calls,
     * and a call's position is its rank among all the class's calls.
     */
    private static Growth countedGrowth(String rootClass, List<StatisticsRow> periods, int[] rows) {
        List<StatisticsRow> inOrder = periods.stream().sorted(Comparator.comparingLong(StatisticsRow::endNanos)).toList();
        long calls = StatisticsRow.totalCalls(inOrder);
        double quarter = Math.max(1, calls / 4.0);
        double early = averageOver(inOrder, quarter);
        List<StatisticsRow> lastFirst = new ArrayList<>(inOrder);
        Collections.reverse(lastFirst);
        double late = averageOver(lastFirst, quarter);
        double meanPosition = (calls - 1) / 2.0;
        double meanSize = (double) StatisticsRow.totalBytes(inOrder) / calls;
        double covariance = 0;
        double positionVariance = 0;
        double sizeVariance = 0;
        long before = 0;
        for (StatisticsRow period : inOrder) {
            double position = before + (period.calls() - 1) / 2.0 - meanPosition;
            double size = (double) period.bytes() / period.calls() - meanSize;
            covariance += period.calls() * position * size;
            positionVariance += period.calls() * position * position;
            sizeVariance += period.calls() * size * size;
            before += period.calls();
        }
        double correlation = sizeVariance == 0 ? 0 : covariance / Math.sqrt(positionVariance * sizeVariance);
        return ratio(rootClass, rows, calls, StatisticsRow.totalBytes(inOrder), early, late, correlation);
    }

    /** The average size of the first {@code calls} calls of the periods, in the order given. */
    private static double averageOver(List<StatisticsRow> periods, double calls) {
        double taken = 0;
        double bytes = 0;
        for (StatisticsRow period : periods) {
            double take = Math.min(period.calls(), calls - taken);
            bytes += take * period.bytes() / period.calls();
            taken += take;
            if (taken >= calls) {
                break;
            }
        }
        return bytes / taken;
    }

    private static Growth ratio(String rootClass, int[] rows, long calls, long bytes, double early, double late,
            double correlation) {
        boolean steady = correlation >= MIN_CORRELATION && late - early >= MIN_GROWTH_BYTES;
        return new Growth(rootClass, rows, calls, bytes, early, late, steady ? late / Math.max(early, 1) : 1);
    }

    /** The bytes of rows[from..to). */
    private static long sum(CallTable writes, int[] rows, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += writes.bytes(rows[i]);
        }
        return sum;
    }

    /**
     * Pearson correlation of a call's position in time order and its size; 0 when the sizes do not
     * vary. Positions rather than timestamps, so that bursts and pauses do not hide a steady trend.
     */
    static double correlation(CallTable writes, int[] rows) {
        int n = rows.length;
        double meanPosition = (n - 1) / 2.0;
        double meanSize = (double) sum(writes, rows, 0, n) / n;
        double covariance = 0;
        double positionVariance = 0;
        double sizeVariance = 0;
        for (int i = 0; i < n; i++) {
            double position = i - meanPosition;
            double size = writes.bytes(rows[i]) - meanSize;
            covariance += position * size;
            positionVariance += position * position;
            sizeVariance += size * size;
        }
        return sizeVariance == 0 ? 0 : covariance / Math.sqrt(positionVariance * sizeVariance);
    }
}
