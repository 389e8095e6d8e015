package dev.serialscope.probe;

import dev.serialscope.probe.ipc.IpcEnvironment;
import dev.serialscope.probe.ipc.IpcInstaller;
import java.lang.instrument.Instrumentation;

/**
 * Gives the IPC and RMI probe (dev.serialscope.probe.ipc, .rmi) what it needs of this package:
 * the channel names of java.io streams and error reporting.
 */
final class IpcRecordingAccess implements IpcEnvironment {

    private final Channels channels;
    private final ProbeErrors errors;

    private IpcRecordingAccess(Channels channels, ProbeErrors errors) {
        this.channels = channels;
        this.errors = errors;
    }

    /** Instruments channel I/O and RMI; a failure here leaves serialization measured as before. */
    static void install(Instrumentation instrumentation, Channels channels, ProbeErrors errors) {
        try {
            IpcInstaller.install(instrumentation, new IpcRecordingAccess(channels, errors),
                    new TransformFailureListener(errors));
        } catch (Throwable t) {
            errors.report("IPC instrumentation", t);
        }
    }

    @Override
    public String streamChannel(Object stream) {
        return channels.nameOf(stream);
    }

    @Override
    public void report(String hook, Throwable failure) {
        errors.report(hook, failure);
    }
}
