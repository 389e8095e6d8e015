package dev.serialscope.probe.frameworks;

import dev.serialscope.probe.ThreadCounts;
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

    /**
     * The calling thread's counts of top-level write calls of {@code framework} (a FrameworkBridge
     * framework number), for the thread to keep: the same object for the thread's lifetime.
     */
    ThreadCounts writeCounts(int framework);

    ThreadCounts readCounts(int framework);

    /** The channel of an OutputStream, wrappers looked through (as for ObjectOutputStream). */
    String outputChannel(OutputStream stream);

    String inputChannel(InputStream stream);

    /** The next call id, shared with java serialization events. */
    long nextCallId();

    /** Tells the user once per hook that it failed and was switched off. */
    void report(String hook, Throwable failure);
}
