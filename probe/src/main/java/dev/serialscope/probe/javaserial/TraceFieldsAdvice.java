package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.defaultWriteFields: while it runs, the objects written are the
 * values of the class's serializable fields, in the order of ObjectStreamClass.getFields().
 */
public final class TraceFieldsAdvice {

    private TraceFieldsAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.This Object stream, @Advice.Argument(1) Object descriptor) {
        if (Bridge.tracingThread == Thread.currentThread()) {
            Bridge.fieldsEnter(stream, descriptor);
            return true;
        }
        return false;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Enter boolean traced) {
        if (traced) {
            Bridge.fieldsExit(stream);
        }
    }
}
