package dev.serialscope.probe.ipc;

/** What the IPC probe needs from the agent's core package: channel names and error reporting. */
public interface IpcEnvironment {

    /** The channel name of a java.io stream, as the channel field of Serialization events gives it. */
    String streamChannel(Object stream);

    /** A hook failed and has been switched off; report it once. */
    void report(String hook, Throwable failure);
}
