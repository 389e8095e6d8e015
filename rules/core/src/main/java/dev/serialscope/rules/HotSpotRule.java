package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import dev.serialscope.rules.recording.RmiMethods;
import dev.serialscope.rules.recording.StatisticsRow;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * Time spent serializing (or deserializing) as a share of the recording, and where it went. The
 * total comes from the statistics events, which count every call; the per-call events, which a
 * threshold may thin out, only tell which call sites and channels the time went to.
 */
public abstract class HotSpotRule extends SerialScopeRule {

    /** Statistics rows cover one period each (1 s by default): a shorter recording counts as one period. */
    private static final long MIN_RECORDING_NANOS = 1_000_000_000L;

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
        super(id, name, topic, List.of(infoShare, warningShare, CallSites.LIBRARIES),
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
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        List<StatisticsRow> rows = StatisticsRow.readAll(recording, direction);
        // Calls made by RMI name the remote method as their site (their stacks show only RMI's machinery).
        CallTable calls = RmiMethods.relabel(recording, recording.calls(eventType));
        if (rows.isEmpty() && calls.isEmpty()) {
            return notRecorded(recording, vp, activity.toLowerCase(Locale.ROOT) + " events");
        }
        // Without statistics (disabled in the recording settings) the per-call events are all there is.
        List<Tally> byClass = rows.isEmpty() ? calls.tally(CallTable.Key.ROOT_CLASS, Tally::nanos)
                : Tally.ofRows(rows, Tally::nanos);
        long totalNanos = byClass.stream().mapToLong(Tally::nanos).sum();
        long recordingNanos = recordingNanos(recording);
        double timeShare = (double) totalNanos / recordingNanos;
        double score = RulesToolkit.mapExp100(timeShare, value(vp, infoShare, UnitLookup.PERCENT_UNITY),
                value(vp, warningShare, UnitLookup.PERCENT_UNITY));

        ResultBuilder result = scored(vp, score).addResult(TIME, nanos(totalNanos))
                .addResult(TIME_SHARE, share(timeShare)).addResult(RECORDING_DURATION, nanos(recordingNanos));
        if (severity(score) == Severity.OK) {
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
                        + timing(rows)
                        + "Call sites and channels come from the per-call events; with the production profile "
                        + "these exist only for large or slow calls. The share can exceed 100 % when several "
                        + "threads are busy at the same time.")
                .setSolution(solution())
                .addResult(Culprit.CULPRITS, culprits).build();
    }

    /** Says so when the time is an estimate from the timed calls rather than measured on every call. */
    private static String timing(List<StatisticsRow> rows) {
        long calls = StatisticsRow.totalCalls(rows);
        long timed = StatisticsRow.totalTimedCalls(rows);
        if (timed >= calls) {
            return "";
        }
        return String.format(Locale.ROOT, "It was measured on %,d of the %,d calls (the statistics' timing setting) "
                + "and scaled to all of them, so it is an estimate; calls and bytes are exact. ", timed, calls);
    }

    /** What to do about too much time in this direction. */
    protected abstract String solution();

    /** From the first event to the last, but at least one statistics period. */
    private static long recordingNanos(RecordingModel recording) {
        return Math.max(recording.spanNanos(), MIN_RECORDING_NANOS);
    }
}
