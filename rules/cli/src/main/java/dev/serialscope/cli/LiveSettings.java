package dev.serialscope.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.serialscope.rules.recording.SerialScopeEvents;

/**
 * The settings of the recording {@code top} streams from the target: the production profile's statistics and
 * per-call events (the same thresholds, so that a live session costs what an always-on recording costs), channel
 * statistics for {@code --by channel}, and the JVM's CPU load, whose event every second also marks the time.
 */
final class LiveSettings {

    static final String CPU_LOAD = "jdk.CPULoad";
    /** The per-call events' threshold: the production profile's. */
    static final String CALL_THRESHOLD = "64 KiB or 10 ms";

    private LiveSettings() {
    }

    static Map<String, String> of(LiveWindow.By by) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(SerialScopeEvents.STATISTICS + "#enabled", "true");
        settings.put(SerialScopeEvents.STATISTICS + "#period", "1 s");
        settings.put(SerialScopeEvents.STATISTICS + "#timing", "1/16");
        for (String perCall : new String[] {SerialScopeEvents.SERIALIZATION, SerialScopeEvents.DESERIALIZATION}) {
            settings.put(perCall + "#enabled", "true");
            // Stack traces only for the call sites; the other keys need the sizes alone.
            settings.put(perCall + "#stackTrace", String.valueOf(by == LiveWindow.By.SITE));
            settings.put(perCall + "#threshold", "0 ms");
            settings.put(perCall + "#callThreshold", CALL_THRESHOLD);
        }
        if (by == LiveWindow.By.CHANNEL) {
            settings.put(SerialScopeEvents.CHANNEL_STATISTICS + "#enabled", "true");
            settings.put(SerialScopeEvents.CHANNEL_STATISTICS + "#period", "1 s");
        }
        settings.put(CPU_LOAD + "#enabled", "true");
        settings.put(CPU_LOAD + "#period", "1 s");
        return settings;
    }
}
