package dev.serialscope.probe.core;

import dev.serialscope.events.CurrentSettings;

/**
 * Which of one thread's top-level calls have their duration measured: every call, or about one in N
 * ({@link CurrentSettings#timingInterval}) at random intervals of 1 to 2N-1 calls, so that a workload
 * with a period of its own is not timed in step with it. Untimed calls read no clock. A timed call
 * stands for N calls, which keeps the summed call time an unbiased estimate.
 * <p>
 * A per-call event is begun (JFR reads its clock) only for a timed call and for a call after one that was
 * large enough for its event by size: large calls come in runs, so most of their events keep their duration,
 * while an untimed small call reads no clock at all. A large call after small untimed ones is written with a
 * fresh event whose duration is 0: not measured.
 */
public final class CallTiming {

    /** No duration: the call was not timed. */
    public static final long UNTIMED = -1;

    private int untilTimed = 1;
    private boolean timedBefore;
    private boolean largeBefore;
    private int random;

    public CallTiming(int seed) {
        random = seed | 1;
    }

    /**
     * Whether a call goes into a per-call event: a call of unknown size is judged as if it had 0 bytes
     * ("0 B" still writes every call), an untimed call by its size alone.
     */
    public static boolean passes(long bytes, long nanos, long minBytes, long minNanos) {
        return Math.max(bytes, 0) >= minBytes || (nanos != UNTIMED && nanos >= minNanos);
    }

    /**
     * For the next call: the calls it stands for when it is to be timed, else 0. A thread's first call is
     * timed and stands for itself alone: it is often the slowest by far (classes load, code is cold), and
     * scaled up it would dominate the estimate of a short recording.
     */
    public int next() {
        if (--untilTimed > 0) {
            return 0;
        }
        int interval = CurrentSettings.timingInterval;
        untilTimed = interval <= 1 ? 1 : 1 + randomBelow(2 * interval - 1);
        if (!timedBefore) {
            timedBefore = true;
            return 1;
        }
        return interval;
    }

    /** Whether the call that {@link #next} returned {@code timeWeight} for begins its per-call event. */
    public boolean beginsEvent(int timeWeight) {
        return timeWeight > 0 || largeBefore;
    }

    /** After each call: whether its size alone passed the per-call event threshold. */
    public void ended(long bytes, long minBytes) {
        largeBefore = bytes >= minBytes;
    }

    private int randomBelow(int bound) {
        int x = random;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        random = x;
        return (int) (((x & 0xFFFF_FFFFL) * bound) >>> 32);
    }
}
