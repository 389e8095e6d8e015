package dev.serialscope.events;

/**
 * The current values of the custom settings of the per-call events, as combined by JFR over all
 * running recordings. A per-call event is written when its call passes the size threshold OR the
 * duration threshold (JFR's own {@code threshold} would AND them, so our settings leave it at 0).
 */
public final class PerCallSettings {

    /** Defaults when a recording does not name our settings: the production profile's values. */
    public static final String DEFAULT_SIZE_THRESHOLD = "64 KiB";
    public static final String DEFAULT_DURATION_THRESHOLD = "10 ms";

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
