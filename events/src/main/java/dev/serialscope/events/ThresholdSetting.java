package dev.serialscope.events;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code callThreshold} setting of a per-call event: a size, a duration, or both joined by
 * "or" ({@code "64 KiB or 10 ms"}); a call is written when it reaches either. Size and duration
 * share one setting because JDK 25 mismatches the setting methods of an event class that declares
 * more than one. Recordings combine to the most inclusive value, as JFR's own {@code threshold} does.
 */
public abstract class ThresholdSetting extends CombinedSetting {

    private static final String OR = " or ";
    private static final long NEVER = Long.MAX_VALUE;

    ThresholdSetting(String eventName, String settingName, String defaultValue) {
        super(eventName, settingName, defaultValue);
    }

    /** Receives the combined threshold whenever it changes; {@code Long.MAX_VALUE} means never. */
    abstract void publish(long minBytes, long minNanos);

    @Override
    String mostInclusive(Set<String> values) {
        long bytes = NEVER;
        long nanos = NEVER;
        for (String candidate : values) {
            Threshold threshold = Threshold.parseOrNever(candidate);
            bytes = Math.min(bytes, threshold.bytes);
            nanos = Math.min(nanos, threshold.nanos);
        }
        return new Threshold(bytes, nanos).toString();
    }

    @Override
    void publish(String newValue) {
        Threshold threshold = Threshold.parseOrNever(newValue);
        publish(threshold.bytes, threshold.nanos);
    }

    /** A parsed threshold value. */
    public static final class Threshold {
        public final long bytes;
        public final long nanos;

        Threshold(long bytes, long nanos) {
            this.bytes = bytes;
            this.nanos = nanos;
        }

        /** Parses "64 KiB", "10 ms" or "64 KiB or 10 ms"; throws IllegalArgumentException otherwise. */
        public static Threshold parse(String text) {
            long bytes = NEVER;
            long nanos = NEVER;
            for (String part : text.toLowerCase(Locale.ROOT).split(OR)) {
                String quantity = part.trim();
                if (Unit.BYTES.accepts(quantity)) {
                    bytes = Math.min(bytes, Unit.BYTES.parse(quantity));
                } else {
                    nanos = Math.min(nanos, Unit.NANOS.parse(quantity));
                }
            }
            return new Threshold(bytes, nanos);
        }

        /** JFR hands settings on unchecked: an unreadable value writes nothing rather than everything. */
        static Threshold parseOrNever(String text) {
            try {
                return parse(text);
            } catch (RuntimeException e) {
                return new Threshold(NEVER, NEVER);
            }
        }

        @Override
        public String toString() {
            if (bytes == NEVER && nanos == NEVER) {
                return "never";
            }
            if (nanos == NEVER) {
                return bytes + " B";
            }
            if (bytes == NEVER) {
                return nanos + " ns";
            }
            return bytes + " B" + OR + nanos + " ns";
        }
    }

    /** The two kinds of quantity a threshold can hold, in JFR's text format ("64 KiB", "20 ms"). */
    public enum Unit {
        BYTES(new String[] {"b", "bytes", "kb", "kib", "mb", "mib", "gb", "gib"},
              new long[] {1, 1, 1024, 1024, 1L << 20, 1L << 20, 1L << 30, 1L << 30}),
        NANOS(new String[] {"ns", "us", "ms", "s", "m", "h"},
              new long[] {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L, 3_600_000_000_000L});

        private final String[] suffixes;
        private final long[] factors;

        Unit(String[] suffixes, long[] factors) {
            this.suffixes = suffixes;
            this.factors = factors;
        }

        boolean accepts(String quantity) {
            return factorOf(suffix(quantity)) > 0;
        }

        /** Parses "64 KiB" or "20 ms"; throws IllegalArgumentException on anything else. */
        public long parse(String text) {
            String quantity = text.trim().toLowerCase(Locale.ROOT);
            int digits = digits(quantity);
            long factor = factorOf(suffix(quantity));
            if (digits == 0 || factor <= 0) {
                throw new IllegalArgumentException("'" + text + "' is not a quantity like 64 KiB or 10 ms");
            }
            return Math.multiplyExact(Long.parseLong(quantity.substring(0, digits)), factor);
        }

        private long factorOf(String suffix) {
            for (int i = 0; i < suffixes.length; i++) {
                if (suffixes[i].equals(suffix)) {
                    return factors[i];
                }
            }
            return -1;
        }

        private static String suffix(String quantity) {
            return quantity.substring(digits(quantity)).trim();
        }

        private static int digits(String quantity) {
            int end = 0;
            while (end < quantity.length() && Character.isDigit(quantity.charAt(end))) {
                end++;
            }
            return end;
        }
    }
}
