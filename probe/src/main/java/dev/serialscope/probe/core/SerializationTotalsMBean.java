package dev.serialscope.probe.core;

/**
 * The running totals of one direction, framework and root class since the agent started, published as
 * {@code dev.serialscope:type=Serialization,direction=write,framework=java,rootClass=com.acme.Order} (agent option
 * {@code metrics=jmx}); the root class {@code (other)} sums the classes past the ones kept apart and calls without one.
 */
public interface SerializationTotalsMBean {

    /** Top-level calls. */
    long getCalls();

    /** Bytes of the calls whose size could be measured. */
    long getBytes();

    /** Wall-clock nanoseconds in the calls: measured, or estimated from the timed calls under a sampled timing. */
    long getTimeNanos();

    /** Calls that threw. */
    long getFailures();

    /** Bytes of the largest measured call. */
    long getLargestCallBytes();
}
