package dev.serialscope.boot;

/**
 * What the advice inlined into JDK classes calls, through {@link Bridge}. The implementation
 * lives in the agent's own class loader, so JFR treats our events as user events.
 */
public interface ProbeHooks {

    /**
     * Returns the call's frame, which the advice hands to {@link #serializationExit} so that the
     * exit needs no lookup, or null to measure nothing.
     */
    Object serializationEnter(Object stream);

    /**
     * Ends the call; returns its per-call event (a {@code jdk.jfr.Event}) for the advice to commit, or null. The
     * advice commits it inside the instrumented method, so that the event's stack trace starts at the JDK's
     * writeObject or readObject and holds no frame of the agent; then it hands the event to {@link #committed}.
     */
    Object serializationExit(Object stream, Object root, Object frame, Throwable thrown);

    Object deserializationEnter(Object stream);

    /** As {@link #serializationExit}. */
    Object deserializationExit(Object stream, Object result, Object frame, Throwable thrown);

    /** The advice committed this event of {@link #serializationExit} or {@link #deserializationExit}. */
    void committed(Object event);

    /** A class descriptor is about to be written or read on {@code stream}; returns the frame it counts in, or null. */
    Object descriptorEnter(Object stream);

    void descriptorExit(Object stream, Object frame);

    /** The traced call is about to write {@code object} (every object of its graph, root included). */
    void objectEnter(Object stream, Object object);

    void objectExit(Object stream);

    /** The traced call writes the serializable fields of one class level of the current object. */
    void fieldsEnter(Object stream, Object descriptor);

    void fieldsExit(Object stream);

    /** The stream emptied its handle table (TC_RESET read). */
    void streamReset(Object stream);

    /** A child process started; its pipes become named channels. */
    void processStarted(Process process);

    /** A hook failed and has been switched off; report it once. */
    void hookFailed(String hook, Throwable failure);
}
