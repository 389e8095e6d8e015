package dev.serialscope.probe.frameworks;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * What the framework probe needs from the rest of the agent: which events the running recordings
 * want, the statistics tables per direction and framework, channel names, call ids and error
 * reporting. Implemented in dev.serialscope.probe, whose classes are package-private.
 */
public interface FrameworkRecording {

    boolean serializationEvents();

    boolean deserializationEvents();

    boolean statistics();

    /** Counts one top-level write call of {@code framework} (a FrameworkBridge framework number). */
    void addWrite(int framework, Class<?> rootClass, long bytes, long nanos, boolean failed);

    void addRead(int framework, Class<?> rootClass, long bytes, long nanos, boolean failed);

    /** The channel of an OutputStream, wrappers looked through (as for ObjectOutputStream). */
    String outputChannel(OutputStream stream);

    String inputChannel(InputStream stream);

    /** The next call id, shared with java serialization events. */
    long nextCallId();

    /** Tells the user once per hook that it failed and was switched off. */
    void report(String hook, Throwable failure);
}
