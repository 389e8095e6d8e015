package dev.serialscope.events;

import java.util.Locale;
import java.util.Set;
import jdk.jfr.SettingControl;

/**
 * A size or duration threshold of a per-call event. Several recordings combine to the smallest
 * value, as JFR's own {@code threshold} does; the value is published to {@link PerCallSettings}
 * because the agent, not JFR, decides whether a call passes (size OR duration).
 */
public abstract class ThresholdSetting extends SettingControl {

    private final Unit unit;
    private String value;

    ThresholdSetting(Unit unit, String defaultValue) {
        this.unit = unit;
        this.value = defaultValue;
        publish(unit.parse(defaultValue));
    }

    /** Receives the threshold in bytes or nanoseconds whenever the combined value changes. */
    abstract void publish(long amount);

    @Override
    public String combine(Set<String> values) {
        String smallest = null;
        long smallestAmount = Long.MAX_VALUE;
        for (String candidate : values) {
            long amount = unit.parseOrMax(candidate);
            if (amount < smallestAmount) {
                smallestAmount = amount;
                smallest = candidate;
            }
        }
        return smallest == null ? value : smallest;
    }

    @Override
    public void setValue(String newValue) {
        value = newValue;
        publish(unit.parseOrMax(newValue));
        PerCallSettings.changed();
    }

    @Override
    public String getValue() {
        return value;
    }

    /** The two kinds of quantity a threshold can hold, in JFR's text format ("64 KiB", "20 ms"). */
    public enum Unit {
        BYTES(new String[] {"b", "bytes", "kb", "kib", "mb", "mib", "gb", "gib"},
              new long[] {1, 1, 1024, 1024, 1024 * 1024, 1024 * 1024, 1L << 30, 1L << 30}),
        NANOS(new String[] {"ns", "us", "ms", "s", "m", "h"},
              new long[] {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L, 3_600_000_000_000L});

        private final String[] suffixes;
        private final long[] factors;

        Unit(String[] suffixes, long[] factors) {
            this.suffixes = suffixes;
            this.factors = factors;
        }

        /** Parses "64 KiB" or "20 ms"; throws IllegalArgumentException on anything else. */
        public long parse(String text) {
            String trimmed = text.trim().toLowerCase(Locale.ROOT);
            int split = 0;
            while (split < trimmed.length() && Character.isDigit(trimmed.charAt(split))) {
                split++;
            }
            String suffix = trimmed.substring(split).trim();
            if (split == 0) {
                throw new IllegalArgumentException("not a quantity: " + text);
            }
            long number = Long.parseLong(trimmed.substring(0, split));
            for (int i = 0; i < suffixes.length; i++) {
                if (suffixes[i].equals(suffix)) {
                    return Math.multiplyExact(number, factors[i]);
                }
            }
            throw new IllegalArgumentException("unknown unit in " + text);
        }

        /** Like {@link #parse}, but an unreadable value (JFR passes settings on unchecked) means "never". */
        long parseOrMax(String text) {
            try {
                return parse(text);
            } catch (RuntimeException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
