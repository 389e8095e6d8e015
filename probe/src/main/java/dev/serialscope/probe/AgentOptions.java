package dev.serialscope.probe;

import java.time.Duration;
import java.util.Locale;

/**
 * The agent's options, {@code key=value} pairs separated by commas. All are optional; with none the
 * agent only instruments and waits for a recording.
 * <ul>
 * <li>{@code record=production|diagnose}: start a recording with that profile plus the JDK's default settings</li>
 * <li>{@code duration=30s}: stop it after this long (s, m or h; default: run until the JVM exits)</li>
 * <li>{@code filename=/path/app.jfr}: where to write it (default serialscope-PID.jfr in the working directory)</li>
 * <li>{@code metrics=jmx}: count the statistics and the channel bytes with or without a recording and publish their
 * running totals as MBeans (dev.serialscope:type=Serialization,... and dev.serialscope:type=Channel,...)</li>
 * </ul>
 */
record AgentOptions(String record, Duration duration, String filename, boolean metrics) {

    static AgentOptions parse(String text) {
        String record = null;
        Duration duration = null;
        String filename = null;
        boolean metrics = false;
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("agent option '" + pair + "' is not key=value");
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                switch (key) {
                    case "record":
                        record = Profile.named(value).name().toLowerCase(Locale.ROOT);
                        break;
                    case "duration":
                        duration = parseDuration(value);
                        break;
                    case "filename":
                        filename = value;
                        break;
                    case "metrics":
                        if (!value.equals("jmx")) {
                            throw new IllegalArgumentException("agent option metrics takes jmx, not '" + value + "'");
                        }
                        metrics = true;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown agent option '" + key
                                + "' (known: record, duration, filename, metrics)");
                }
            }
        }
        return new AgentOptions(record, duration, filename, metrics);
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("duration '" + text + "' is not like 30s, 5m or 1h");
    }
}
