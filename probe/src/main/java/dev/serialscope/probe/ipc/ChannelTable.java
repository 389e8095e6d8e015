package dev.serialscope.probe.ipc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Map;

/**
 * One thread's running totals per channel and direction. Only the owning thread writes them, with
 * opaque stores and no atomic instruction; the harvesting thread reads them and keeps what it has
 * already reported, so a harvest's numbers are the difference (like the serialization statistics'
 * ThreadCounts). A full table is retired by its owner, which then counts into a fresh one; a retired
 * table is harvested once more and dropped ({@link ChannelCounts}), so memory stays bounded for
 * threads that serve many short connections.
 */
final class ChannelTable {

    static final int CAPACITY = 32;
    static final int OPS = 0;
    static final int BYTES = 1;
    static final int SERIALIZED = 2;
    static final int NANOS = 3;
    static final int COUNTERS = 4;
    private static final int SLOT = 2 * COUNTERS;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle NAMES = MethodHandles.arrayElementVarHandle(String[].class);

    private final WeakReference<Thread> owner;
    private final String[] names = new String[CAPACITY];
    private final long[] totals = new long[CAPACITY * SLOT];
    private final long[] largest = new long[CAPACITY * 2];
    private final long[] largestEpoch = new long[CAPACITY * 2];
    /** Only the harvesting thread touches these. */
    private final long[] reported = new long[CAPACITY * SLOT];
    private int used;
    volatile boolean retired;

    ChannelTable(Thread owner) {
        this.owner = new WeakReference<>(owner);
    }

    /** The slot of {@code name}, added if new; -1 when the table is full. Owner only. */
    int slotOf(String name) {
        for (int i = 0; i < used; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        if (used == CAPACITY) {
            return -1;
        }
        // Published before any count of the slot, so a reader that sees the counts sees the name.
        NAMES.setRelease(names, used, name);
        return used++;
    }

    /** Owner only. */
    void add(int slot, boolean write, long bytes, long serialized, long nanos, long epoch) {
        int dir = write ? 0 : 1;
        int base = slot * SLOT + dir * COUNTERS;
        LONGS.setOpaque(totals, base + OPS, totals[base + OPS] + 1);
        if (bytes > 0) {
            LONGS.setOpaque(totals, base + BYTES, totals[base + BYTES] + bytes);
            if (serialized > 0) {
                LONGS.setOpaque(totals, base + SERIALIZED, totals[base + SERIALIZED] + serialized);
            }
        }
        LONGS.setOpaque(totals, base + NANOS, totals[base + NANOS] + nanos);
        int max = slot * 2 + dir;
        if (largestEpoch[max] != epoch) {
            LONGS.setOpaque(largestEpoch, max, epoch);
            LONGS.setOpaque(largest, max, bytes);
        } else if (bytes > largest[max]) {
            LONGS.setOpaque(largest, max, bytes);
        }
    }

    boolean ownerAlive() {
        Thread thread = owner.get();
        return thread != null && thread.isAlive();
    }

    /** Adds what was counted since the last harvest to {@code rows}. One harvesting thread at a time. */
    void harvest(Map<String, ChannelRow[]> rows, long epoch) {
        for (int slot = 0; slot < CAPACITY; slot++) {
            String name = (String) NAMES.getAcquire(names, slot);
            if (name == null) {
                return;
            }
            for (int dir = 0; dir < 2; dir++) {
                int base = slot * SLOT + dir * COUNTERS;
                long ops = delta(base + OPS);
                if (ops == 0) {
                    continue;
                }
                ChannelRow[] pair = rows.computeIfAbsent(name, n -> new ChannelRow[2]);
                if (pair[dir] == null) {
                    pair[dir] = new ChannelRow(name, dir == 0);
                }
                int max = slot * 2 + dir;
                long biggest = (long) LONGS.getOpaque(largestEpoch, max) == epoch ? (long) LONGS.getOpaque(largest, max) : 0;
                pair[dir].add(ops, delta(base + BYTES), delta(base + SERIALIZED), delta(base + NANOS), biggest);
            }
        }
    }

    private long delta(int index) {
        long total = (long) LONGS.getOpaque(totals, index);
        long delta = total - reported[index];
        reported[index] = total;
        return delta;
    }

    /** One channel and direction's totals for a period, summed over threads. */
    static final class ChannelRow {
        final String channel;
        final boolean write;
        long operations;
        long bytes;
        long serialized;
        long nanos;
        long largest;

        ChannelRow(String channel, boolean write) {
            this.channel = channel;
            this.write = write;
        }

        void add(long ops, long byteCount, long serializedBytes, long time, long biggest) {
            operations += ops;
            bytes += byteCount;
            serialized += serializedBytes;
            nanos += time;
            largest = Math.max(largest, biggest);
        }

        void merge(ChannelRow other) {
            add(other.operations, other.bytes, other.serialized, other.nanos, other.largest);
        }
    }
}
