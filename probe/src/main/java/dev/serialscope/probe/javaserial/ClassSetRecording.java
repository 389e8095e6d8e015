package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.ClassSetBridge;
import dev.serialscope.events.DeserializationLimitsEvent;
import dev.serialscope.events.DeserializedClassEvent;
import dev.serialscope.probe.core.RecordingFollower;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;

/**
 * Follows JFR for the Deserialized Class and Deserialization Limits events: registers them once JFR
 * exists, switches the filter-check hook on while a recording wants either, and writes the sets when a
 * chunk ends. Not a {@link RecordingFollower}: its periodic event has no time period, only the chunk end.
 */
final class ClassSetRecording implements FlightRecorderListener {

    private final ClassSetProbe probe;
    private EventType classType;
    private EventType limitsType;

    ClassSetRecording(ClassSetProbe probe) {
        this.probe = probe;
    }

    /** Never initialises JFR by itself: registration waits for the first recording. */
    void start() {
        FlightRecorder.addListener(this);
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        EventType classes = RecordingFollower.registered(DeserializedClassEvent.class);
        FlightRecorder.addPeriodicEvent(DeserializationLimitsEvent.class, this::endOfChunk);
        synchronized (this) {
            classType = classes;
            limitsType = EventType.getEventType(DeserializationLimitsEvent.class);
        }
        refresh();
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        refresh();
    }

    private synchronized void refresh() {
        if (classType == null) {
            return;
        }
        boolean wanted = classType.isEnabled() || limitsType.isEnabled();
        probe.track(wanted);
        ClassSetBridge.activate(wanted);
    }

    private void endOfChunk() {
        refresh();
        probe.endOfChunk();
    }
}
