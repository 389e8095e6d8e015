package dev.serialscope.events;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * {@code serialscope.SerializationStatistics#timing}: which top-level calls have their duration measured,
 * {@code "all"} or one in N ({@code "1/16"}). Calls, bytes and the size threshold stay exact either way; the
 * statistics' call time is then estimated from the timed calls, and only timed calls are judged by the duration
 * part of a per-call event's {@code callThreshold}. Recordings combine to the most frequent timing.
 */
public final class TimingSample extends CombinedSetting {

    private static final int MAX_INTERVAL = 1 << 16;

    public TimingSample() {
        super(SerializationStatisticsEvent.NAME, "timing", CurrentSettings.DEFAULT_TIMING);
    }

    /** Calls per timed call that {@code text} asks for: 1 for "all"; the default's for nonsense. */
    public static int interval(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return 1;
        }
        if (t.startsWith("1/")) {
            try {
                int interval = Integer.parseInt(t.substring(2).trim());
                if (interval >= 1 && interval <= MAX_INTERVAL) {
                    return interval;
                }
            } catch (NumberFormatException e) {
                // falls through: not "1/N"
            }
        }
        return interval(CurrentSettings.DEFAULT_TIMING);
    }

    @Override
    String mostInclusive(Set<String> values) {
        return values.stream().min(Comparator.comparingInt(TimingSample::interval)).orElseThrow();
    }

    @Override
    void publish(String newValue) {
        CurrentSettings.timingInterval = interval(newValue);
    }
}
