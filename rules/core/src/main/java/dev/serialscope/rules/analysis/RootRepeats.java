package dev.serialscope.rules.analysis;

import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntToLongFunction;

import dev.serialscope.rules.recording.CallTable;

/**
 * The calls that wrote again a root object an earlier call wrote (the same class and identity hash, unchanged in size)
 * or the same bytes (the same non-zero content hash). Millions of calls make this a walk through two large hash sets,
 * random memory accesses that keep one core busy: the keys are split by hash into two halves, one searched on
 * another thread. A key's calls all fall into one half, which sees them in call order, so the two halves together
 * find exactly the repeats that one pass over all calls finds.
 */
public final class RootRepeats {

    private final BitSet sameObject;
    private final BitSet sameBytes;

    private RootRepeats(BitSet sameObject, BitSet sameBytes) {
        this.sameObject = sameObject;
        this.sameBytes = sameBytes;
    }

    public static RootRepeats of(CallTable writes) {
        CompletableFuture<RootRepeats> other = CompletableFuture.supplyAsync(() -> ofHalf(writes, 1));
        RootRepeats repeats = ofHalf(writes, 0);
        RootRepeats otherRepeats = other.join();
        repeats.sameObject.or(otherRepeats.sameObject);
        repeats.sameBytes.or(otherRepeats.sameBytes);
        return repeats;
    }

    /** The repeats among the keys whose hash falls into one half. */
    private static RootRepeats ofHalf(CallTable writes, int half) {
        // A root object in one state: identity hash codes are only unique within a class, and a changed size is news.
        IntToLongFunction objectHash =
                row -> (writes.identity(row) * 31 + writes.bytes(row)) * 31 + writes.rootClassIndex(row);
        IntToLongFunction contentHash = writes::contentHash;
        int objects = 0;
        int contents = 0;
        // 0 means "not recorded": HotSpot never hands out 0 as an identity hash, and the content hash is only
        // computed with the diagnose profile.
        for (int row = 0; row < writes.size(); row++) {
            objects += writes.identity(row) != 0 && halfOf(objectHash, row) == half ? 1 : 0;
            contents += writes.contentHash(row) != 0 && halfOf(contentHash, row) == half ? 1 : 0;
        }
        RowSet seenObjects = new RowSet(objects, objectHash,
                (row, other) -> writes.identity(row) == writes.identity(other)
                        && writes.bytes(row) == writes.bytes(other)
                        && writes.rootClassIndex(row) == writes.rootClassIndex(other));
        RowSet seenContent = new RowSet(contents, contentHash,
                (row, other) -> writes.contentHash(row) == writes.contentHash(other));
        BitSet sameObject = new BitSet(writes.size());
        BitSet sameBytes = new BitSet(writes.size());
        for (int row = 0; row < writes.size(); row++) {
            if (writes.identity(row) != 0 && halfOf(objectHash, row) == half && !seenObjects.add(row)) {
                sameObject.set(row);
            }
            if (writes.contentHash(row) != 0 && halfOf(contentHash, row) == half && !seenContent.add(row)) {
                sameBytes.set(row);
            }
        }
        return new RootRepeats(sameObject, sameBytes);
    }

    /** The top bit of the hash as RowSet mixes it, which its slot index does not use. */
    private static int halfOf(IntToLongFunction hash, int row) {
        return (int) ((hash.applyAsLong(row) * 0x9E3779B97F4A7C15L) >>> 63);
    }

    /** Calls that wrote a root object (class, identity hash and size) an earlier call wrote. */
    public BitSet sameObject() {
        return sameObject;
    }

    /** Calls that wrote the bytes (content hash) an earlier call wrote. */
    public BitSet sameBytes() {
        return sameBytes;
    }

    /** Calls that repeated an earlier root object, its bytes, or both. */
    public BitSet either() {
        BitSet either = (BitSet) sameObject.clone();
        either.or(sameBytes);
        return either;
    }
}
