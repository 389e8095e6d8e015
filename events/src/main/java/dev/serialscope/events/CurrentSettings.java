package dev.serialscope.events;

/**
 * The current values of SerialScope's custom settings, as combined by JFR over all running
 * recordings, for the agent to read on its hot path. A per-call event is written when its call
 * reaches the size OR the duration of its {@code callThreshold}; JFR's own {@code threshold} would
 * add a duration test on top, so our settings leave it at 0 ms.
 */
public final class CurrentSettings {

    /** Default when a recording does not name our settings: the production profile's value. */
    public static final String DEFAULT_CALL_THRESHOLD = "64 KiB or 10 ms";

    public static volatile long serializationMinBytes = 64 * 1024;
    public static volatile long serializationMinNanos = 10_000_000;
    public static volatile long deserializationMinBytes = 64 * 1024;
    public static volatile long deserializationMinNanos = 10_000_000;
    public static volatile boolean serializationContentHash;
    public static volatile GadgetClasses gadgetClasses = GadgetClasses.parse(GadgetClasses.DEFAULT);

    /** Default when a recording does not name the statistics' timing: every call, as before timing was a setting. */
    public static final String DEFAULT_TIMING = "all";
    /** Calls per timed call, on average: 1 times every call. */
    public static volatile int timingInterval = 1;

    public static final String DEFAULT_COMPOSITION_SAMPLING = "1/s";
    public static final String DEFAULT_COMPOSITION_SIZE_FLOOR = "64 KiB";
    public static final String DEFAULT_COMPOSITION_MAX_DEPTH = "2";

    /** Least time between two traced calls: 0 traces every call, Long.MAX_VALUE none. */
    public static volatile long compositionIntervalNanos = 1_000_000_000;
    public static volatile long compositionMinBytes = 64 * 1024;
    public static volatile int compositionMaxDepth = 2;

    private static volatile Runnable listener = () -> { };

    private CurrentSettings() {
    }

    /** The agent re-reads which of our events are enabled whenever JFR applies new settings. */
    public static void onChange(Runnable newListener) {
        listener = newListener;
    }

    static void changed() {
        listener.run();
    }
}
