package dev.serialscope.probe.kryo;

import dev.serialscope.boot.FrameworkBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Kryo's write methods next to {@link KryoWriteAdvice}, once composition events are asked for:
 * every nested object of a traced write. Compares one field with the current thread unless this thread traces.
 */
public final class KryoTraceObjectAdvice {

    private KryoTraceObjectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.FieldValue("depth") int depth, @Advice.Argument(0) Object output,
                         @Advice.Argument(1) Object object) {
        // The top-level call (depth 0) is the traced call itself.
        return FrameworkBridge.tracingThread == Thread.currentThread() && depth > 0
                && FrameworkBridge.traceObject(output, object);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean traced, @Advice.Argument(0) Object output) {
        if (traced) {
            FrameworkBridge.traceExit(output);
        }
    }
}
