package dev.serialscope.probe;

import dev.serialscope.probe.frameworks.FrameworkInstaller;
import dev.serialscope.probe.frameworks.FrameworkRecording;
import dev.serialscope.probe.frameworks.Frameworks;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;

/**
 * Gives the framework probe (dev.serialscope.probe.frameworks) what it needs of this package:
 * the recording's flags, one statistics table per direction and framework, channel names, call
 * ids and error reporting.
 */
final class FrameworkRecordingAccess implements FrameworkRecording {

    private final RecordingSwitch recording;
    private final Channels channels;
    private final ProbeErrors errors;
    private final SerializationProbe probe;

    private FrameworkRecordingAccess(RecordingSwitch recording, Channels channels, ProbeErrors errors,
                                     SerializationProbe probe) {
        this.recording = recording;
        this.channels = channels;
        this.errors = errors;
        this.probe = probe;
    }

    /** Instruments Kryo, Jackson and Protobuf; a failure here leaves java serialization measured as before. */
    static void install(Instrumentation instrumentation, RecordingSwitch recording, Channels channels,
                        ProbeErrors errors, SerializationProbe probe) {
        try {
            FrameworkInstaller.install(instrumentation, new FrameworkRecordingAccess(recording, channels, errors, probe));
        } catch (Throwable t) {
            errors.report("framework instrumentation", t);
        }
    }

    static StatisticsTable[] tables(String direction) {
        StatisticsTable[] tables = new StatisticsTable[Frameworks.count()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new StatisticsTable(direction, Frameworks.name(i));
        }
        return tables;
    }

    static void clear(StatisticsTable[] writes, StatisticsTable[] reads) {
        for (int i = 0; i < writes.length; i++) {
            writes[i].clear();
            reads[i].clear();
        }
    }

    static void emit(StatisticsTable[] writes, StatisticsTable[] reads) {
        for (int i = 0; i < writes.length; i++) {
            writes[i].emit();
            reads[i].emit();
        }
    }

    @Override
    public boolean serializationEvents() {
        return recording.serializationEvents;
    }

    @Override
    public boolean deserializationEvents() {
        return recording.deserializationEvents;
    }

    @Override
    public boolean statistics() {
        return recording.statistics;
    }

    @Override
    public ThreadCounts writeCounts(int framework) {
        return recording.frameworkWriteStatistics[framework].register();
    }

    @Override
    public ThreadCounts readCounts(int framework) {
        return recording.frameworkReadStatistics[framework].register();
    }

    @Override
    public String outputChannel(OutputStream stream) {
        return channels.ofOutput(stream, stream);
    }

    @Override
    public String inputChannel(InputStream stream) {
        return channels.ofInput(stream, stream);
    }

    @Override
    public long nextCallId() {
        return probe.nextCallId();
    }

    @Override
    public void report(String hook, Throwable failure) {
        errors.report(hook, failure);
    }
}
