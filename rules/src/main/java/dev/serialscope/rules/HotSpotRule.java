package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * Time spent serializing (or deserializing) as a share of the recording, and where it went. The
 * total comes from the statistics events, which count every call; the per-call events, which a
 * threshold may thin out, only tell which call sites and channels the time went to.
 */
public abstract class HotSpotRule extends SerialScopeRule {

    /** Statistics rows cover one period each (1 s by default): a shorter recording counts as one period. */
    private static final long MIN_RECORDING_NANOS = 1_000_000_000L;

    /** How far two times converted to nanoseconds may be off from the order of their quantities. */
    private static final long ROUNDING_NANOS = 2;

    public static final TypedResult<IQuantity> TIME = quantity("time", "Time",
            "Time spent in top-level calls, summed over all threads.", UnitLookup.TIMESPAN);
    public static final TypedResult<IQuantity> TIME_SHARE = quantity("timeShare", "Time Share",
            "The time as a share of the recording's duration; above 100 % when several threads are busy at once.",
            UnitLookup.PERCENTAGE);
    public static final TypedResult<IQuantity> RECORDING_DURATION = quantity("recordingDuration",
            "Recording Duration", "From the first to the last event of the recording.", UnitLookup.TIMESPAN);
    public static final TypedResult<String> TOP_CLASS = text("topClass", "Top Root Class",
            "The root class with the most time.");
    public static final TypedResult<IQuantity> TOP_CLASS_TIME = quantity("topClassTime", "Top Root Class Time",
            "The time of the root class with the most time.", UnitLookup.TIMESPAN);
    public static final TypedResult<String> TOP_SITE = text("topSite", "Top Call Site",
            "The call site with the most time in per-call events.");
    public static final TypedResult<String> TOP_CHANNEL = text("topChannel", "Top Channel",
            "The channel with the most time in per-call events.");

    private final String direction;
    private final String eventType;
    private final String activity;
    private final TypedPreference<IQuantity> infoShare;
    private final TypedPreference<IQuantity> warningShare;

    /**
     * @param activity "Serialization" or "Deserialization", the subject of the messages
     */
    protected HotSpotRule(String id, String name, String topic, String direction, String eventType, String activity,
            TypedPreference<IQuantity> infoShare, TypedPreference<IQuantity> warningShare) {
        super(id, name, topic, List.of(infoShare, warningShare),
                List.of(TIME, TIME_SHARE, RECORDING_DURATION, TOP_CLASS, TOP_CLASS_TIME, TOP_SITE, TOP_CHANNEL));
        this.direction = direction;
        this.eventType = eventType;
        this.activity = activity;
        this.infoShare = infoShare;
        this.warningShare = warningShare;
    }

    protected static TypedPreference<IQuantity> shareLimit(String id, String name, double percent) {
        return new TypedPreference<>(id, name,
                "Time in top-level calls, summed over threads, as a share of the recording's duration.",
                UnitLookup.PERCENTAGE, UnitLookup.PERCENT.quantity(percent));
    }

    @Override
    protected IResult evaluate(IItemCollection items, IPreferenceValueProvider vp) {
        List<StatisticsRow> rows = StatisticsRow.readAll(items, direction);
        // Calls made by RMI name the remote method as their site (their stacks show only RMI's machinery).
        CallTable calls = RmiMethods.relabel(items, Call.readAll(items, eventType));
        if (rows.isEmpty() && calls.isEmpty()) {
            return notRecorded(items, vp, activity.toLowerCase(Locale.ROOT) + " events");
        }
        // Without statistics (disabled in the recording settings) the per-call events are all there is.
        List<Tally> byClass = rows.isEmpty() ? calls.tally(CallTable.Key.ROOT_CLASS, Tally::nanos)
                : Tally.ofRows(rows, Tally::nanos);
        long totalNanos = byClass.stream().mapToLong(Tally::nanos).sum();
        long recordingNanos = recordingNanos(items);
        double timeShare = (double) totalNanos / recordingNanos;
        double score = RulesToolkit.mapExp100(timeShare, value(vp, infoShare, UnitLookup.PERCENT_UNITY),
                value(vp, warningShare, UnitLookup.PERCENT_UNITY));

        ResultBuilder result = scored(vp, score).addResult(TIME, nanos(totalNanos))
                .addResult(TIME_SHARE, share(timeShare)).addResult(RECORDING_DURATION, nanos(recordingNanos));
        if (Severity.get(score) == Severity.OK) {
            return result.setSummary(activity + " took {time}, {timeShare} of the recording ({recordingDuration}).")
                    .build();
        }

        Tally topClass = byClass.get(0);
        List<Culprit> culprits = new ArrayList<>(culprits(byClass, Culprit.Kind.CLASS, 3));
        result.addResult(TOP_CLASS, topClass.key()).addResult(TOP_CLASS_TIME, nanos(topClass.nanos()));
        String summary = activity + " took {time}, {timeShare} of the recording ({recordingDuration}); "
                + "{topClass} alone took {topClassTime}";
        if (!calls.isEmpty()) {
            List<Tally> bySite = calls.tally(CallTable.Key.SITE, Tally::nanos);
            List<Tally> byChannel = calls.tally(CallTable.Key.CHANNEL, Tally::nanos);
            culprits.addAll(culprits(bySite, Culprit.Kind.SITE, 3));
            culprits.addAll(culprits(byChannel, Culprit.Kind.CHANNEL, 3));
            result.addResult(TOP_SITE, bySite.get(0).key()).addResult(TOP_CHANNEL, byChannel.get(0).key());
            summary += ", and most time went to calls from {topSite} over {topChannel}";
        }
        return result.setSummary(summary + ".")
                .setExplanation("The time is the wall-clock time of every top-level " + activity.toLowerCase(Locale.ROOT)
                        + " call, summed over all threads, from the statistics events, which count every call. "
                        + "Call sites and channels come from the per-call events; with the production profile "
                        + "these exist only for large or slow calls. The share can exceed 100 % when several "
                        + "threads are busy at the same time.")
                .setSolution(solution())
                .addResult(Culprit.CULPRITS, culprits).build();
    }

    /** What to do about too much time in this direction. */
    protected abstract String solution();

    /** From the first event to the last, but at least one statistics period. */
    private static long recordingNanos(IItemCollection items) {
        // Both hot spot rules need it: one pass over all items, shared (RulesToolkit's earliest start and latest
        // end took a pass each, per rule: four passes over millions of events).
        return Call.shared(items, "serialscope.recordingNanos", HotSpotRule::span);
    }

    /** RulesToolkit.getLatestEndTime(items) - getEarliestStartTime(items), in one pass. */
    private static long span(IItemCollection items) {
        // A quantity's compareTo converts units, and the end time accessor adds the duration in a new quantity, on
        // every call: the times are compared as nanoseconds first, and only near-ties (conversions round) as
        // quantities, so that the result is exactly JMC's.
        IQuantity start = null;
        IQuantity end = null;
        long startNanos = Long.MAX_VALUE;
        long endNanos = Long.MIN_VALUE;
        QuantityConverter epochNanos = new QuantityConverter(UnitLookup.EPOCH_NS);
        QuantityConverter nanos = new QuantityConverter(UnitLookup.NANOSECOND);
        for (IItemIterable batch : items) {
            IMemberAccessor<IQuantity, IItem> startTime = Call.accessor(JfrAttributes.START_TIME, batch.getType());
            IMemberAccessor<IQuantity, IItem> duration = Call.accessor(JfrAttributes.DURATION, batch.getType());
            IMemberAccessor<IQuantity, IItem> endTime = Call.accessor(JfrAttributes.END_TIME, batch.getType());
            for (IItem item : batch) {
                IQuantity itemStart = Call.get(startTime, item);
                if (itemStart != null) {
                    long itemStartNanos = epochNanos.toLong(itemStart, 0);
                    if (itemStartNanos - ROUNDING_NANOS <= startNanos
                            && (start == null || itemStart.compareTo(start) < 0)) {
                        start = itemStart;
                        startNanos = itemStartNanos;
                    }
                    IQuantity itemDuration = Call.get(duration, item);
                    if (itemDuration != null
                            && itemStartNanos + nanos.toLong(itemDuration, 0) + ROUNDING_NANOS < endNanos) {
                        continue;
                    }
                }
                IQuantity itemEnd = Call.get(endTime, item);
                if (itemEnd != null && (end == null || itemEnd.compareTo(end) > 0)) {
                    end = itemEnd;
                    endNanos = epochNanos.toLong(itemEnd, 0);
                }
            }
        }
        long span = start == null || end == null ? 0 : end.subtract(start).clampedLongValueIn(UnitLookup.NANOSECOND);
        return Math.max(span, MIN_RECORDING_NANOS);
    }
}
