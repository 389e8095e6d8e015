package dev.serialscope.e2e.programs;

/** The 64-bit FNV-1a hash the agent records as a call's contentHash, computed here independently of it. */
final class Fingerprint {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    /** The hash of content[from, to). */
    static long of(byte[] content, int from, int to) {
        long hash = FNV_OFFSET_BASIS;
        for (int i = from; i < to; i++) {
            hash = (hash ^ (content[i] & 0xff)) * FNV_PRIME;
        }
        return hash;
    }
}
