package dev.serialscope.probe.core;

import dev.serialscope.events.CurrentSettings;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which calls a composition tracer traces: one call at a time, the first after each sampling interval
 * (every call with {@code sampling=all}). Told the time by the calls that read the clock anyway, so that
 * untimed calls need no clock to be traced.
 */
public final class TraceSampler {

    private final AtomicBoolean busy = new AtomicBoolean();
    private final int triesPerInterval;
    private volatile long lastArmedNanos = Long.MIN_VALUE / 2;
    /** The sampling interval has passed since the last trace: the next call may be traced. */
    private volatile boolean due;
    private int triesLeft;

    /**
     * @param triesPerInterval how many calls in a row one interval may trace to find one of at least the size
     *            floor (see {@link #retry}); 1 traces exactly one call per interval
     */
    public TraceSampler(int triesPerInterval) {
        this.triesPerInterval = triesPerInterval;
    }

    /** Arms the sampler once the sampling interval has passed. */
    public void tick(long now) {
        long interval = CurrentSettings.compositionIntervalNanos;
        if (interval != Long.MAX_VALUE && now - lastArmedNanos >= interval && !due) {
            lastArmedNanos = now;
            triesLeft = triesPerInterval - 1;
            due = true;
        }
    }

    /** Whether the next call may be traced: the interval has passed, or every call is to be traced. */
    public boolean due() {
        return due || CurrentSettings.compositionIntervalNanos == 0;
    }

    /** Claims the tracer; call only when {@link #due()}. */
    public boolean tryClaim() {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        due = false;
        return true;
    }

    /** The traced call was too small to be explained: the next call may be traced instead, while tries are left. */
    public void retry() {
        if (triesLeft > 0) {
            triesLeft--;
            due = true;
        }
    }

    public void release() {
        busy.set(false);
    }
}
