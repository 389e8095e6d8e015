package dev.serialscope.probe.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Map;

/**
 * One thread's running totals for one statistics table. Only the owning thread writes them, with
 * plain-cost stores and no atomic instruction, so that serializing threads never contend; the
 * emitting thread reads them and keeps what it has already reported, so a period's numbers are
 * the difference. Totals only grow, which makes every call count exactly once.
 */
public final class ThreadCounts {

    /** Root classes a thread keeps apart; calls of further classes go to its "other" slot. */
    static final int CAPACITY = 64;
    public static final int CALLS = 0;
    public static final int BYTES = 1;
    public static final int NANOS = 2;
    public static final int FAILURES = 3;
    static final int TIMED = 4;
    /** Calls that were the first on their stream: the streams that wrote a header. */
    public static final int NEW_STREAMS = 5;
    /** Bytes of class descriptors inside the calls. */
    public static final int DESCRIPTOR_BYTES = 6;
    /** Reads from a stream without a serial filter. */
    public static final int UNFILTERED = 7;
    /** Calls whose root object the thread had written shortly before, and their bytes. */
    public static final int REPEATED_ROOTS = 8;
    public static final int REPEATED_BYTES = 9;
    /** Java writes of a byte array that holds an earlier write's output (a Spark broadcast block), and their bytes. */
    public static final int SERIALIZED_OUTPUTS = 10;
    public static final int SERIALIZED_OUTPUT_BYTES = 11;
    static final int COUNTERS = 12;
    private static final int OTHER = CAPACITY;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle CLASSES = MethodHandles.arrayElementVarHandle(Class[].class);

    private final WeakReference<Thread> owner;
    private final Class<?>[] classes = new Class<?>[CAPACITY];
    private final long[] totals = new long[(CAPACITY + 1) * COUNTERS];
    /** The totals already reported; only the emitting thread touches them. */
    private final long[] reported = new long[(CAPACITY + 1) * COUNTERS];
    /**
     * Per slot, the largest call since the last harvest. The owner raises it with an opaque store; the harvest
     * takes it and sets it back to 0 with a compare-and-set, so a call that raises it meanwhile is never lost.
     */
    private final long[] largest = new long[CAPACITY + 1];
    /** Per slot, calls and bytes per {@link SizeBuckets} bucket; a class's buckets are made when its slot is taken. */
    private final long[][] sizes = new long[CAPACITY + 1][];
    /** The bucket totals already reported, made by the harvest as it meets the slots. */
    private final long[][] reportedSizes = new long[CAPACITY + 1][];

    ThreadCounts(Thread owner) {
        this.owner = new WeakReference<>(owner);
        sizes[OTHER] = SizeBuckets.newTotals();
    }

    /**
     * Called by the owning thread only. A timed call ({@code timeWeight} > 0) adds its duration times the
     * calls it stands for; an untimed one adds no time. Returns the call's row, for {@link #count}.
     */
    public int add(Class<?> rootClass, long bytes, long nanos, int timeWeight, boolean failed) {
        int slot = slotOf(rootClass);
        int base = slot * COUNTERS;
        if (bytes >= 0) {
            // Opaque: the harvest sets it back to 0, and a value read on an earlier call must not be reused.
            if (bytes > (long) LONGS.getOpaque(largest, slot)) {
                LONGS.setOpaque(largest, slot, bytes);
            }
            long[] buckets = sizes[slot];
            int bucket = SizeBuckets.offset(bytes);
            LONGS.setOpaque(buckets, bucket, buckets[bucket] + 1);
            LONGS.setOpaque(buckets, bucket + 1, buckets[bucket + 1] + bytes);
            LONGS.setOpaque(totals, base + BYTES, totals[base + BYTES] + bytes);
        }
        // Last, so that a harvest that sees the call sees its size too.
        LONGS.setRelease(totals, base + CALLS, totals[base + CALLS] + 1);
        if (timeWeight > 0) {
            LONGS.setOpaque(totals, base + NANOS, totals[base + NANOS] + nanos * timeWeight);
            LONGS.setOpaque(totals, base + TIMED, totals[base + TIMED] + 1);
        }
        if (failed) {
            LONGS.setOpaque(totals, base + FAILURES, totals[base + FAILURES] + 1);
        }
        return base;
    }

    /** Called by the owning thread only: adds {@code amount} to one counter of the row {@link #add} returned. */
    public void count(int row, int counter, long amount) {
        LONGS.setOpaque(totals, row + counter, totals[row + counter] + amount);
    }

    private int slotOf(Class<?> rootClass) {
        if (rootClass == null) {
            return OTHER;
        }
        int hash = rootClass.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (CAPACITY - 1);
        for (int probe = 0; probe < CAPACITY; probe++) {
            Class<?> present = classes[slot];
            if (present == rootClass) {
                return slot;
            }
            if (present == null) {
                sizes[slot] = SizeBuckets.newTotals();
                // Published before any count of the slot, so a reader that sees the counts sees the class and buckets.
                CLASSES.setRelease(classes, slot, rootClass);
                return slot;
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
        return OTHER;
    }

    boolean ownerAlive() {
        Thread thread = owner.get();
        return thread != null && thread.isAlive();
    }

    /**
     * Adds what was counted since the last harvest to {@code rows} (by class) or {@code other}. A
     * slot whose class is not visible yet is left for the next harvest, with its counts.
     */
    void harvest(Map<Class<?>, StatisticsRow> rows, StatisticsRow other) {
        long[] counters = new long[COUNTERS];
        long[] bucketDeltas = SizeBuckets.newTotals();
        for (int slot = 0; slot <= CAPACITY; slot++) {
            Class<?> rootClass = slot == OTHER ? null : (Class<?>) CLASSES.getAcquire(classes, slot);
            if (slot != OTHER && rootClass == null) {
                continue;
            }
            int base = slot * COUNTERS;
            // The calls first: every call they include has already added its size.
            counters[CALLS] = delta(totals, reported, base + CALLS);
            boolean counted = counters[CALLS] != 0;
            for (int counter = 0; counter < COUNTERS; counter++) {
                if (counter != CALLS) {
                    counters[counter] = delta(totals, reported, base + counter);
                    counted |= counters[counter] != 0;
                }
            }
            long[] buckets = sizes[slot];
            if (reportedSizes[slot] == null) {
                reportedSizes[slot] = SizeBuckets.newTotals();
            }
            for (int index = 0; index < buckets.length; index++) {
                bucketDeltas[index] = delta(buckets, reportedSizes[slot], index);
                counted |= bucketDeltas[index] != 0;
            }
            if (counted) {
                StatisticsRow row = rootClass == null ? other : rows.computeIfAbsent(rootClass, StatisticsRow::new);
                row.add(counters, takeLargest(slot), bucketDeltas);
            }
        }
    }

    private long takeLargest(int slot) {
        long taken;
        do {
            taken = (long) LONGS.getVolatile(largest, slot);
        } while (taken != 0 && !LONGS.compareAndSet(largest, slot, taken, 0L));
        return taken;
    }

    private static long delta(long[] totals, long[] reported, int index) {
        long total = (long) LONGS.getAcquire(totals, index);
        long delta = total - reported[index];
        reported[index] = total;
        return delta;
    }
}
