package dev.serialscope.rules.analysis;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import dev.serialscope.rules.recording.CallTable;

/**
 * Reads of the same payload again. Reads whose bytes were fingerprinted (reads from a byte array, with the contentHash
 * setting) are the same payload when their content hashes are equal, wherever they were read. Other reads have only
 * their shape: the same root class, exact size and class descriptors from the same call site. A decoded object has a
 * new identity every time, so from {@link #MIN_BYTES} on, two different graphs of one class rarely come out at
 * exactly the same size. The first read of each payload is needed, the rest are repeats: Spark's task binary read
 * again by every task, a cached blob decoded on every request.
 */
public final class ReadRepeats {

    /** Smaller reads are left out: fixed-size messages of a few fields often have exactly the same size. */
    public static final long MIN_BYTES = 64 * 1024;

    private record Shape(int rootClass, long bytes, int descriptors, String site, long contentHash) {
    }

    private ReadRepeats() {
    }

    /** The reads that repeated an earlier one. */
    public static BitSet of(CallTable reads) {
        Map<Shape, Integer> seen = new HashMap<>();
        BitSet repeats = new BitSet(reads.size());
        for (int row = 0; row < reads.size(); row++) {
            if (reads.bytes(row) < MIN_BYTES) {
                continue;
            }
            if (seen.putIfAbsent(shape(reads, row), row) != null) {
                repeats.set(row);
            }
        }
        return repeats;
    }

    /** How many times the most repeated payload of {@code rootClass} was read, the first read included. */
    public static long timesRead(CallTable reads, BitSet repeats, String rootClass) {
        Map<Shape, Long> counts = new HashMap<>();
        repeats.stream().filter(row -> reads.rootClass(row).equals(rootClass))
                .forEach(row -> counts.merge(shape(reads, row), 1L, Long::sum));
        return counts.values().stream().mapToLong(count -> count + 1).max().orElse(0);
    }

    private static Shape shape(CallTable reads, int row) {
        long contentHash = reads.contentHash(row);
        return contentHash != 0
                ? new Shape(reads.rootClassIndex(row), reads.bytes(row), 0, null, contentHash)
                : new Shape(reads.rootClassIndex(row), reads.bytes(row), reads.classDescriptors(row), reads.site(row), 0);
    }
}
