package dev.serialscope.probe.javaserial;

/**
 * The root objects of one thread's recent larger writes, remembered by identity hash, class and size
 * only (no reference, so nothing is kept alive): a write of the same root at the same size is counted
 * as a repeat; at another size the object has changed (it grows, say), which is no repeat. Two objects
 * can share all three, rarely enough for a count that only grades a finding.
 */
final class RecentRoots {

    /** Smaller writes are not looked at: repeating them costs little, and hashing them would cost every call. */
    static final long MIN_BYTES = 1024;
    private static final int SIZE = 64;

    private final long[] keys = new long[SIZE];
    private final long[] sizes = new long[SIZE];

    /** Remembers {@code root} written in {@code bytes} and tells whether it was remembered so already. */
    boolean repeated(Object root, long bytes) {
        int identity = System.identityHashCode(root);
        long key = ((long) identity << 32) | (root.getClass().hashCode() & 0xFFFF_FFFFL);
        int slot = (identity ^ (identity >>> 16)) & (SIZE - 1);
        if (keys[slot] == key && sizes[slot] == bytes) {
            return true;
        }
        keys[slot] = key;
        sizes[slot] = bytes;
        return false;
    }
}
