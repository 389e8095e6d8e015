package dev.serialscope.probe.core;

/** One row of a statistics period: the calls of one root class, or of all the others. */
final class StatisticsRow {
    final Class<?> rootClass;
    long calls;
    long bytes;
    long nanos;
    long timedCalls;
    long failures;
    int classes;

    StatisticsRow(Class<?> rootClass) {
        this.rootClass = rootClass;
        this.classes = rootClass == null ? 0 : 1;
    }

    void add(long moreCalls, long moreBytes, long moreNanos, long moreTimedCalls, long moreFailures) {
        calls += moreCalls;
        bytes += moreBytes;
        nanos += moreNanos;
        timedCalls += moreTimedCalls;
        failures += moreFailures;
    }

    void merge(StatisticsRow row) {
        add(row.calls, row.bytes, row.nanos, row.timedCalls, row.failures);
        classes += row.classes;
    }
}
