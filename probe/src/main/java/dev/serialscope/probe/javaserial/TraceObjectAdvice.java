package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.writeObject0, once per object of a graph. Does nothing but
 * compare one field with the current thread unless this thread is tracing a sampled call.
 */
public final class TraceObjectAdvice {

    private TraceObjectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.This Object stream, @Advice.Argument(0) Object object) {
        if (Bridge.tracingThread == Thread.currentThread()) {
            Bridge.objectEnter(stream, object);
            return true;
        }
        return false;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Enter boolean traced) {
        if (traced) {
            Bridge.objectExit(stream);
        }
    }
}
