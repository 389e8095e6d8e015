package dev.serialscope.probe.core;

import java.util.Collection;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;

/**
 * Follows JFR for one group of our events, a periodic statistics event among them: registers them
 * once JFR exists, and turns what the running recordings enable into plain flags for the hot path.
 * Asking JFR on every call is not an option: while a recording runs with an event disabled,
 * creating the event and calling isEnabled() costs hundreds of nanoseconds.
 */
public abstract class RecordingFollower implements FlightRecorderListener {

    private final Collection<? extends PeriodicCounts> counts;
    private volatile boolean statistics;
    private volatile boolean counting;
    /** Counting without a recording, for metrics (agent option metrics=jmx). */
    private boolean always;
    private EventType statisticsType;

    /** {@code counts}: what the statistics event reports, forgotten when a recording starts to want it. */
    protected RecordingFollower(Collection<? extends PeriodicCounts> counts) {
        this.counts = counts;
    }

    /** Never initialises JFR by itself: registration waits for the first recording. */
    public void start() {
        FlightRecorder.addListener(this);
    }

    /** Whether a recording wants the statistics event: the periods' rows are committed to JFR. */
    public final boolean statistics() {
        return statistics;
    }

    /** Whether the probes count calls into the tables: for the statistics event, or always for metrics. */
    public final boolean counting() {
        return counting;
    }

    /** Counts from now on whatever the recordings want (metrics); JFR is not initialised for it. */
    public final synchronized void countAlways() {
        always = true;
        refresh();
    }

    @Override
    public final void recorderInitialized(FlightRecorder recorder) {
        register();
        refresh();
    }

    @Override
    public final void recordingStateChanged(Recording recording) {
        refresh();
    }

    public final synchronized void refresh() {
        if (statisticsType == null && !always) {
            return;
        }
        boolean statisticsNow = statisticsType != null && statisticsType.isEnabled();
        if (statisticsNow && !statistics) {
            // Counts from before this recording would land in its first period.
            for (PeriodicCounts periodCounts : counts) {
                periodCounts.forget();
            }
        }
        statistics = statisticsNow;
        counting = statisticsNow || always;
        apply();
    }

    /** Whether a running recording enables the type; false before the type is registered. */
    public static boolean enabled(EventType type) {
        return type != null && type.isEnabled();
    }

    /** Registers {@code eventClass}; returns its type, whose isEnabled() a refresh reads. */
    public static EventType registered(Class<? extends Event> eventClass) {
        FlightRecorder.register(eventClass);
        return EventType.getEventType(eventClass);
    }

    /** Runs {@code emit} every period of {@code statisticsClass} and, through {@code flushClass}, at the end of each chunk. */
    protected final void emitStatistics(Class<? extends Event> statisticsClass, Class<? extends Event> flushClass,
                                        Runnable emit) {
        // JFR takes a hook object only once: each event gets its own.
        FlightRecorder.addPeriodicEvent(statisticsClass, emit::run);
        FlightRecorder.addPeriodicEvent(flushClass, emit::run);
        EventType type = EventType.getEventType(statisticsClass);
        synchronized (this) {
            statisticsType = type;
        }
    }

    /** Registers the event classes, {@link #emitStatistics} last, and looks up the event types {@link #apply} reads. */
    protected abstract void register();

    /**
     * Turns the enabled state of the event types into the flags; runs under this object's lock. Before JFR is
     * initialised (counting for metrics only) the event types are not looked up yet: {@link #enabled} says no.
     */
    protected abstract void apply();
}
