package dev.serialscope.rules.analysis;

import java.util.function.IntToLongFunction;

import dev.serialscope.rules.recording.CallTable;

/**
 * A set of rows of a {@link CallTable}, two rows being the same element when their keys are equal (the same root
 * object, the same stream). Open addressing over the row numbers themselves: millions of calls need one long each
 * instead of a boxed key and a map entry each. Each slot keeps 32 bits of its row's hash next to the row number, so
 * that a probe compares the keys of another row (reads scattered over the table) only when those bits match.
 */
public final class RowSet {

    /** Whether two rows have equal keys. */
    @FunctionalInterface
    public interface SameKey {
        boolean test(int row, int other);
    }

    private final IntToLongFunction hash;
    private final SameKey sameKey;
    /** Row + 1 in the upper half of each used slot and its hash in the lower half, 0 in a free one. */
    private final long[] slots;
    private final int mask;
    private int size;

    /** A set for at most {@code capacity} rows. */
    public RowSet(int capacity, IntToLongFunction hash, SameKey sameKey) {
        this.hash = hash;
        this.sameKey = sameKey;
        int length = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        slots = new long[length];
        mask = length - 1;
    }

    /** Adds the row; false when a row with an equal key is already in the set. */
    public boolean add(int row) {
        long mixed = hash.applyAsLong(row) * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed >>> 32) & mask;
        int bits = (int) mixed;
        while (slots[slot] != 0) {
            if ((int) slots[slot] == bits && sameKey.test((int) (slots[slot] >>> 32) - 1, row)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = (long) (row + 1) << 32 | bits & 0xFFFF_FFFFL;
        size++;
        return true;
    }

    /** The number of distinct keys added. */
    public int size() {
        return size;
    }
}
