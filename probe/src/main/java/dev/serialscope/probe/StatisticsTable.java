package dev.serialscope.probe;

import dev.serialscope.events.SerializationStatisticsEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Calls, bytes, time and failures per root class for one direction and framework, counted from
 * many threads without locks or allocation and emitted (then zeroed) once per period. Classes
 * past the table's capacity, and calls without a root class, are counted in the "other" row. A
 * class idle for {@value #IDLE_PERIODS} periods gives its slot back, so the table neither fills up
 * for good nor keeps unused classes (and their class loaders) alive.
 */
final class StatisticsTable {

    /** Rows with their own root class per period; the rest are summed into the "other" row. */
    static final int TOP_CLASSES = 20;

    private static final int CAPACITY = 256;
    private static final int MAX_PROBES = 16;
    private static final int OTHER = CAPACITY;
    private static final int CALLS = 0;
    private static final int BYTES = 1;
    private static final int NANOS = 2;
    private static final int FAILURES = 3;
    private static final int COUNTERS = 4;
    static final int IDLE_PERIODS = 60;

    private final String direction;
    private final String framework;
    private final AtomicReferenceArray<Class<?>> classes = new AtomicReferenceArray<>(CAPACITY);
    private final AtomicLongArray counters = new AtomicLongArray((CAPACITY + 1) * COUNTERS);
    /** Periods without calls per slot; only the emitting thread touches it. */
    private final int[] idlePeriods = new int[CAPACITY];

    StatisticsTable(String direction, String framework) {
        this.direction = direction;
        this.framework = framework;
    }

    void add(Class<?> rootClass, long bytes, long nanos, boolean failed) {
        int base = slotOf(rootClass) * COUNTERS;
        counters.getAndIncrement(base + CALLS);
        if (bytes > 0) {
            counters.getAndAdd(base + BYTES, bytes);
        }
        counters.getAndAdd(base + NANOS, nanos);
        if (failed) {
            counters.getAndIncrement(base + FAILURES);
        }
    }

    private int slotOf(Class<?> rootClass) {
        if (rootClass == null) {
            return OTHER;
        }
        int slot = spread(rootClass.hashCode()) & (CAPACITY - 1);
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            Class<?> present = classes.get(slot);
            if (present == rootClass) {
                return slot;
            }
            if (present == null && (classes.compareAndSet(slot, null, rootClass) || classes.get(slot) == rootClass)) {
                return slot;
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
        return OTHER;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Forgets everything counted so far, e.g. before a new recording. */
    void clear() {
        for (int i = 0; i < counters.length(); i++) {
            counters.set(i, 0);
        }
    }

    /** Commits one event per class with calls since the last call (top classes by bytes, then "other"). */
    void emit() {
        List<Row> rows = new ArrayList<>();
        Row other = take(OTHER, null);
        for (int slot = 0; slot < CAPACITY; slot++) {
            Class<?> rootClass = classes.get(slot);
            Row row = take(slot, rootClass);
            if (rootClass == null) {
                // A call that raced with the release of this slot: keep it, under "other".
                other.merge(row);
            } else if (row.calls > 0) {
                rows.add(row);
                idlePeriods[slot] = 0;
            } else if (++idlePeriods[slot] >= IDLE_PERIODS && classes.compareAndSet(slot, rootClass, null)) {
                idlePeriods[slot] = 0;
            }
        }
        rows.sort(Comparator.comparingLong((Row r) -> r.bytes).thenComparingLong(r -> r.calls).reversed());
        for (int i = 0; i < rows.size(); i++) {
            if (i < TOP_CLASSES) {
                commit(rows.get(i));
            } else {
                other.merge(rows.get(i));
            }
        }
        if (other.calls > 0) {
            commit(other);
        }
    }

    private Row take(int slot, Class<?> rootClass) {
        int base = slot * COUNTERS;
        Row row = new Row(rootClass);
        row.calls = counters.getAndSet(base + CALLS, 0);
        row.bytes = counters.getAndSet(base + BYTES, 0);
        row.nanos = counters.getAndSet(base + NANOS, 0);
        row.failures = counters.getAndSet(base + FAILURES, 0);
        row.classes = rootClass == null ? 0 : 1;
        return row;
    }

    private void commit(Row row) {
        SerializationStatisticsEvent event = new SerializationStatisticsEvent();
        event.direction = direction;
        event.framework = framework;
        event.rootClass = row.rootClass;
        event.classes = row.classes;
        event.calls = (int) Math.min(Integer.MAX_VALUE, row.calls);
        event.bytes = row.bytes;
        event.totalTime = row.nanos;
        event.failures = (int) Math.min(Integer.MAX_VALUE, row.failures);
        event.commit();
    }

    private static final class Row {
        final Class<?> rootClass;
        long calls;
        long bytes;
        long nanos;
        long failures;
        int classes;

        Row(Class<?> rootClass) {
            this.rootClass = rootClass;
        }

        void merge(Row row) {
            if (row.calls == 0) {
                return;
            }
            calls += row.calls;
            bytes += row.bytes;
            nanos += row.nanos;
            failures += row.failures;
            classes += row.classes;
        }
    }
}
