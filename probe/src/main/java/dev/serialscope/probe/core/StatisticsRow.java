package dev.serialscope.probe.core;

import java.util.Arrays;

/**
 * One row of a statistics period: the calls of one root class, or of all the others, with one
 * total per {@link ThreadCounts} counter, the largest call and the calls and bytes per {@link SizeBuckets} bucket.
 */
final class StatisticsRow {
    final Class<?> rootClass;
    final long[] counters = new long[ThreadCounts.COUNTERS];
    final long[] sizes = SizeBuckets.newTotals();
    long largest;
    int classes;

    StatisticsRow(Class<?> rootClass) {
        this.rootClass = rootClass;
        this.classes = rootClass == null ? 0 : 1;
    }

    long get(int counter) {
        return counters[counter];
    }

    /** Adds counts of the same class (a thread's, or another harvest's). */
    void add(long[] moreCounters, long moreLargest, long[] moreSizes) {
        for (int counter = 0; counter < counters.length; counter++) {
            counters[counter] += moreCounters[counter];
        }
        for (int index = 0; index < sizes.length; index++) {
            sizes[index] += moreSizes[index];
        }
        largest = Math.max(largest, moreLargest);
    }

    void add(StatisticsRow row) {
        add(row.counters, row.largest, row.sizes);
    }

    void clear() {
        Arrays.fill(counters, 0);
        Arrays.fill(sizes, 0);
        largest = 0;
        classes = rootClass == null ? 0 : 1;
    }

    /** Adds the counts of another class. */
    void merge(StatisticsRow row) {
        add(row);
        classes += row.classes;
    }
}
