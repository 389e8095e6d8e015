package dev.serialscope.probe;

import dev.serialscope.boot.Bridge;
import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.ProbeErrorEvent;
import dev.serialscope.events.SerializationCompositionEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import dev.serialscope.events.StatisticsFlushEvent;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;

/**
 * Follows JFR: which of our events the running recordings enable, turned into plain flags for
 * the hot path. Asking JFR on every call is not an option: while a recording runs with an event
 * disabled, creating the event and calling isEnabled() costs hundreds of nanoseconds.
 */
final class RecordingSwitch implements FlightRecorderListener {

    final StatisticsTable serializationStatistics =
            new StatisticsTable(SerializationStatisticsEvent.WRITE, SerializationProbe.FRAMEWORK);
    final StatisticsTable deserializationStatistics =
            new StatisticsTable(SerializationStatisticsEvent.READ, SerializationProbe.FRAMEWORK);
    /** Kryo, Jackson, Protobuf: one table per direction and framework, indexed by FrameworkBridge's numbers. */
    final StatisticsTable[] frameworkWriteStatistics = FrameworkRecordingAccess.tables(SerializationStatisticsEvent.WRITE);
    final StatisticsTable[] frameworkReadStatistics = FrameworkRecordingAccess.tables(SerializationStatisticsEvent.READ);

    volatile boolean serializationEvents;
    volatile boolean deserializationEvents;
    volatile boolean statistics;
    volatile boolean compositionEvents;

    private final TracingInstaller tracing;
    private final Object emitLock = new Object();
    private EventType serializationType;
    private EventType deserializationType;
    private EventType statisticsType;
    private EventType compositionType;

    RecordingSwitch(TracingInstaller tracing) {
        this.tracing = tracing;
    }

    /** Registers our event types once JFR exists; never initialises JFR by itself. */
    void start() {
        CurrentSettings.onChange(this::refresh);
        FlightRecorder.addListener(this);
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        FlightRecorder.register(SerializationEvent.class);
        FlightRecorder.register(DeserializationEvent.class);
        FlightRecorder.register(ProbeErrorEvent.class);
        FlightRecorder.register(SerializationCompositionEvent.class);
        FlightRecorder.addPeriodicEvent(SerializationStatisticsEvent.class, this::emitStatistics);
        FlightRecorder.addPeriodicEvent(StatisticsFlushEvent.class, this::emitStatistics);
        synchronized (this) {
            serializationType = EventType.getEventType(SerializationEvent.class);
            deserializationType = EventType.getEventType(DeserializationEvent.class);
            statisticsType = EventType.getEventType(SerializationStatisticsEvent.class);
            compositionType = EventType.getEventType(SerializationCompositionEvent.class);
        }
        refresh();
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        refresh();
    }

    synchronized void refresh() {
        if (statisticsType == null) {
            return;
        }
        boolean statisticsNow = statisticsType.isEnabled();
        if (statisticsNow && !statistics) {
            // Counts from before this recording would land in its first period.
            serializationStatistics.clear();
            deserializationStatistics.clear();
            FrameworkRecordingAccess.clear(frameworkWriteStatistics, frameworkReadStatistics);
        }
        statistics = statisticsNow;
        serializationEvents = serializationType.isEnabled();
        deserializationEvents = deserializationType.isEnabled();
        // The tracing advice goes in before the first call can be traced, and only once a recording asks.
        compositionEvents = compositionType.isEnabled() && (tracing.installed() || tracing.install());
        Bridge.activate(serializationEvents || compositionEvents || statisticsNow, deserializationEvents || statisticsNow);
        FrameworkBridge.activate(serializationEvents || statisticsNow, deserializationEvents || statisticsNow);
    }

    /** Runs on JFR's periodic thread, every period and at the end of each chunk. */
    private void emitStatistics() {
        refresh();
        synchronized (emitLock) {
            if (statistics) {
                serializationStatistics.emit();
                deserializationStatistics.emit();
                FrameworkRecordingAccess.emit(frameworkWriteStatistics, frameworkReadStatistics);
            }
        }
    }
}
