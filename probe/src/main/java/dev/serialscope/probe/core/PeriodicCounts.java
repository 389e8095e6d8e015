package dev.serialscope.probe.core;

/** Counts that threads keep adding to and that are reported once per period. */
public interface PeriodicCounts {

    /** Marks everything counted so far as reported, e.g. before a new recording. */
    void forget();
}
