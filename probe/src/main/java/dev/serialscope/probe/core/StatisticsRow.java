package dev.serialscope.probe.core;

import java.util.Arrays;

/**
 * One row of a statistics period: the calls of one root class, or of all the others, with one
 * total per {@link ThreadCounts} counter.
 */
final class StatisticsRow {
    final Class<?> rootClass;
    final long[] counters = new long[ThreadCounts.COUNTERS];
    int classes;

    StatisticsRow(Class<?> rootClass) {
        this.rootClass = rootClass;
        this.classes = rootClass == null ? 0 : 1;
    }

    long get(int counter) {
        return counters[counter];
    }

    void addTo(long[] totals) {
        for (int counter = 0; counter < counters.length; counter++) {
            totals[counter] += counters[counter];
        }
    }

    void clear() {
        Arrays.fill(counters, 0);
        classes = rootClass == null ? 0 : 1;
    }

    void merge(StatisticsRow row) {
        for (int counter = 0; counter < counters.length; counter++) {
            counters[counter] += row.counters[counter];
        }
        classes += row.classes;
    }
}
