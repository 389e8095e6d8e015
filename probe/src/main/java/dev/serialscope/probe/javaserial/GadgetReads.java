package dev.serialscope.probe.javaserial;

import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.GadgetClasses;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads of a gadget-chain entry point ({@link CurrentSettings#gadgetClasses}) without a filter: each gets its
 * per-call event, whatever the thresholds, up to {@value #MAX_PER_SECOND} a second, so that a flood of them cannot
 * flood the recording. Each class is judged once per list, so an ordinary read costs one class-value lookup.
 */
final class GadgetReads {

    static final int MAX_PER_SECOND = 100;
    private static final long SECOND_NANOS = 1_000_000_000L;

    /** A class's verdict under the list it was judged by. */
    private static final class Verdict {
        volatile GadgetClasses judgedBy;
        volatile boolean gadget;
    }

    private final ClassValue<Verdict> verdicts = new ClassValue<>() {
        @Override
        protected Verdict computeValue(Class<?> type) {
            return new Verdict();
        }
    };
    /** The start of the current second (System.nanoTime) and the gadget reads written in it. */
    private final AtomicLong windowStart = new AtomicLong(System.nanoTime() - SECOND_NANOS);
    private final AtomicLong inWindow = new AtomicLong();

    /** Whether this unfiltered read of {@code rootClass} is to be written as a gadget read. */
    boolean written(Class<?> rootClass) {
        return isGadget(rootClass) && withinRate(System.nanoTime());
    }

    /** The same, at {@code nowNanos} (System.nanoTime). */
    boolean written(Class<?> rootClass, long nowNanos) {
        return isGadget(rootClass) && withinRate(nowNanos);
    }

    private boolean isGadget(Class<?> rootClass) {
        GadgetClasses current = CurrentSettings.gadgetClasses;
        Verdict verdict = verdicts.get(rootClass);
        if (verdict.judgedBy != current) {
            verdict.gadget = current.contains(rootClass.getName());
            verdict.judgedBy = current;
        }
        return verdict.gadget;
    }

    private boolean withinRate(long now) {
        long start = windowStart.get();
        if (now - start >= SECOND_NANOS && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
        }
        return inWindow.incrementAndGet() <= MAX_PER_SECOND;
    }
}
