package dev.serialscope.probe.core;

import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.ProbeErrorEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationSizesEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import dev.serialscope.events.StatisticsFlushEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/**
 * Which Serialization, Deserialization and Serialization Statistics events the running recordings
 * want, for every serializer (java serialization and the frameworks alike), and the statistics
 * tables the instrumentations count into: one per direction and framework, emitted together.
 */
public final class SerializationRecording extends RecordingFollower {

    private volatile boolean serializationEvents;
    private volatile boolean deserializationEvents;

    private final List<StatisticsTable> tables;
    private final List<Runnable> registrations = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final Object emitLock = new Object();
    private EventType serializationType;
    private EventType deserializationType;

    public SerializationRecording() {
        this(new CopyOnWriteArrayList<>());
    }

    private SerializationRecording(List<StatisticsTable> tables) {
        super(tables);
        this.tables = tables;
    }

    public boolean serializationEvents() {
        return serializationEvents;
    }

    public boolean deserializationEvents() {
        return deserializationEvents;
    }

    /** A table of calls, bytes and time per root class, emitted with the others every period. */
    public StatisticsTable newTable(String direction, String framework) {
        StatisticsTable table = new StatisticsTable(direction, framework, this::statistics);
        tables.add(table);
        return table;
    }

    /** Every table, for metrics. */
    List<StatisticsTable> tables() {
        return List.copyOf(tables);
    }

    /**
     * Runs {@code registration} once JFR exists, with our other registrations: an instrumentation's
     * own event types are registered there, never while JFR applies settings.
     */
    public void onRegistration(Runnable registration) {
        registrations.add(registration);
    }

    /** Runs {@code listener} after every change of the flags, under this object's lock, to switch bridges on or off. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    @Override
    public void start() {
        CurrentSettings.onChange(this::refresh);
        super.start();
    }

    @Override
    protected void register() {
        serializationType = registered(SerializationEvent.class);
        deserializationType = registered(DeserializationEvent.class);
        FlightRecorder.register(ProbeErrorEvent.class);
        FlightRecorder.register(SerializationSizesEvent.class);
        for (Runnable registration : registrations) {
            registration.run();
        }
        emitStatistics(SerializationStatisticsEvent.class, StatisticsFlushEvent.class, this::emitTables);
    }

    @Override
    protected void apply() {
        serializationEvents = enabled(serializationType);
        deserializationEvents = enabled(deserializationType);
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    /** Runs on JFR's periodic thread, every period and at the end of each chunk. */
    private void emitTables() {
        refresh();
        synchronized (emitLock) {
            if (statistics()) {
                for (StatisticsTable table : tables) {
                    table.emit();
                }
            }
        }
    }
}
