package dev.serialscope.probe.kryo;

import dev.serialscope.boot.FrameworkBridge;
import java.lang.reflect.Field;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Kryo's ReflectField.write(Output, Object), once composition events are asked for: one object
 * field of an object that FieldSerializer writes (primitive fields have writers of their own, not traced).
 */
public final class KryoTraceFieldAdvice {

    private KryoTraceFieldAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.FieldValue("field") Field field, @Advice.Argument(0) Object output) {
        return FrameworkBridge.tracingThread == Thread.currentThread() && FrameworkBridge.traceField(output, field, null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean traced, @Advice.Argument(0) Object output) {
        if (traced) {
            FrameworkBridge.traceExit(output);
        }
    }
}
