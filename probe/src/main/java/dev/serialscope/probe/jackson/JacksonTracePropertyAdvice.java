package dev.serialscope.probe.jackson;

import dev.serialscope.boot.FrameworkBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Jackson's BeanPropertyWriter.serializeAsField(bean, generator, provider), once composition events
 * are asked for: one property of a bean. Compares one field with the current thread unless this thread traces.
 */
public final class JacksonTracePropertyAdvice {

    private JacksonTracePropertyAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.This Object property, @Advice.Argument(0) Object bean,
                         @Advice.Argument(1) Object generator) {
        return FrameworkBridge.tracingThread == Thread.currentThread()
                && FrameworkBridge.traceField(generator, property, bean);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean traced, @Advice.Argument(1) Object generator) {
        if (traced) {
            FrameworkBridge.traceExit(generator);
        }
    }
}
