package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every size falls into the one bucket whose bounds hold it; the bounds are powers of two. */
class SizeBucketsTest {

    @Test
    void eachSizeIsInTheBucketWhoseBoundsHoldIt() {
        long[] sizes = {0, 1, 63, 64, 65, 127, 128, 1023, 1024, 131071, 131072, 1 << 20, (1L << 30) - 1, 1L << 30,
                Long.MAX_VALUE};
        for (long size : sizes) {
            int bucket = SizeBuckets.offset(size) / 2;
            String where = size + " B in bucket " + bucket;
            assertTrue(SizeBuckets.lowerBound(bucket) <= size, where);
            assertTrue(size < SizeBuckets.upperBound(bucket) || size == Long.MAX_VALUE, where);
        }
        assertEquals(0, SizeBuckets.offset(63));
        assertEquals(131072, SizeBuckets.lowerBound(SizeBuckets.offset(131072) / 2));
        assertEquals(1L << 30, SizeBuckets.lowerBound(SizeBuckets.BUCKETS - 1));
        for (int bucket = 1; bucket < SizeBuckets.BUCKETS; bucket++) {
            assertEquals(SizeBuckets.upperBound(bucket - 1), SizeBuckets.lowerBound(bucket), "no gap, no overlap");
        }
    }
}
