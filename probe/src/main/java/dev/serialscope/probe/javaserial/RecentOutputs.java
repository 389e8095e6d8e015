package dev.serialscope.probe.javaserial;

/**
 * The sizes of one thread's last few larger writes, so that a byte array holding one of their outputs,
 * written again (Spark serializes a stage's task binary to bytes, then writes those bytes as a broadcast
 * block), is told apart from a second payload. Sizes only: the bytes themselves are never looked at.
 */
final class RecentOutputs {

    /** Smaller outputs are not remembered: writing them twice costs little. */
    static final long MIN_BYTES = 1024;
    /** What a stream adds around the call's bytes: its header (4 bytes) and a few more (a reset, an end mark). */
    private static final long MAX_FRAMING = 16;
    private static final int SIZE = 4;

    private final long[] sizes = new long[SIZE];
    private int next;

    void add(long bytes) {
        if (bytes >= MIN_BYTES) {
            sizes[next] = bytes;
            next = (next + 1) & (SIZE - 1);
        }
    }

    /** Whether an array of {@code length} bytes can be the whole output of one of the remembered writes. */
    boolean holds(long length) {
        for (long size : sizes) {
            if (size > 0 && length >= size && length <= size + MAX_FRAMING) {
                return true;
            }
        }
        return false;
    }
}
