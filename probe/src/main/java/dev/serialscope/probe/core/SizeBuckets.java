package dev.serialscope.probe.core;

/**
 * The log2 size classes of the statistics' size distribution: below 64 bytes, then from each power of two
 * (64 B, 128 B, ... 512 MiB) to the next, then 1 GiB and more. Bounds at powers of two let a limit such as
 * 128 KiB or 1 MiB count the calls at or above it exactly. Totals are kept as pairs: calls, then bytes.
 */
public final class SizeBuckets {

    public static final int BUCKETS = 26;
    /** The smallest bound past 0: 2<sup>6</sup> bytes. */
    private static final int FIRST_POWER = 6;
    private static final int LAST = BUCKETS - 1;

    private SizeBuckets() {
    }

    /** The calls and bytes of every bucket, in {@link #offset} order. */
    static long[] newTotals() {
        return new long[BUCKETS * 2];
    }

    /** Where a call of {@code bytes} (at least 0) counts in {@link #newTotals}: its calls, and its bytes next to them. */
    static int offset(long bytes) {
        // floor(log2(bytes)) - 5 for bytes of 64 and more; no branch.
        int bucket = Math.max(0, Math.min(LAST, 63 - FIRST_POWER + 1 - Long.numberOfLeadingZeros(bytes)));
        return bucket * 2;
    }

    /** The smallest size of a bucket. */
    public static long lowerBound(int bucket) {
        return bucket == 0 ? 0 : 1L << (bucket + FIRST_POWER - 1);
    }

    /** The size the bucket's calls stay below; {@link Long#MAX_VALUE} for the last one. */
    public static long upperBound(int bucket) {
        return bucket == LAST ? Long.MAX_VALUE : 1L << (bucket + FIRST_POWER);
    }
}
