package dev.serialscope.events;

/**
 * The current values of the custom settings of the per-call events, as combined by JFR over all
 * running recordings. A per-call event is written when its call reaches the size OR the duration
 * of its {@code callThreshold}; JFR's own {@code threshold} would add a duration test on top, so
 * our settings leave it at 0 ms.
 */
public final class PerCallSettings {

    /** Default when a recording does not name our settings: the production profile's value. */
    public static final String DEFAULT_CALL_THRESHOLD = "64 KiB or 10 ms";

    public static volatile long serializationMinBytes = 64 * 1024;
    public static volatile long serializationMinNanos = 10_000_000;
    public static volatile long deserializationMinBytes = 64 * 1024;
    public static volatile long deserializationMinNanos = 10_000_000;
    public static volatile boolean serializationContentHash;

    private static volatile Runnable listener = () -> { };

    private PerCallSettings() {
    }

    /** The agent re-reads which of our events are enabled whenever JFR applies new settings. */
    public static void onChange(Runnable newListener) {
        listener = newListener;
    }

    static void changed() {
        listener.run();
    }
}
