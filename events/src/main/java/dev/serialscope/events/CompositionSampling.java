package dev.serialscope.events;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * {@code serialscope.SerializationComposition#sampling}: how many top-level serialization calls
 * per second or minute are traced field by field ({@code "1/s"}, {@code "10/min"}), {@code "all"}
 * or {@code "off"}. Recordings combine to the most frequent.
 */
public final class CompositionSampling extends CombinedSetting {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NEVER = Long.MAX_VALUE;

    public CompositionSampling() {
        super(SerializationCompositionEvent.NAME, "sampling", CurrentSettings.DEFAULT_COMPOSITION_SAMPLING);
    }

    /** The least time between two traced calls that {@code text} asks for; Long.MAX_VALUE for "off" or nonsense. */
    public static long intervalNanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return 0;
        }
        int slash = t.indexOf('/');
        if (slash > 0) {
            try {
                long count = Long.parseLong(t.substring(0, slash).trim());
                String per = t.substring(slash + 1).trim();
                long period = per.equals("s") ? NANOS_PER_SECOND : per.equals("min") ? 60 * NANOS_PER_SECOND
                        : per.equals("h") ? 3600 * NANOS_PER_SECOND : -1;
                if (count > 0 && period > 0) {
                    return period / count;
                }
            } catch (NumberFormatException e) {
                // falls through: not a rate
            }
        }
        return NEVER;
    }

    @Override
    String mostInclusive(Set<String> values) {
        return values.stream().min(Comparator.comparingLong(CompositionSampling::intervalNanos)).orElseThrow();
    }

    @Override
    void publish(String newValue) {
        CurrentSettings.compositionIntervalNanos = intervalNanos(newValue);
    }
}
