package dev.serialscope.probe.jackson;

import dev.serialscope.boot.FrameworkBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Jackson's JsonWriteContext.createChildObjectContext(Object) and createChildArrayContext(Object),
 * once composition events are asked for: a value starts as a JSON object or array, so that a traced property
 * knows its value's class and identity without calling its getter again.
 */
public final class JacksonTraceValueAdvice {

    private JacksonTraceValueAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Object value) {
        if (FrameworkBridge.tracingThread == Thread.currentThread()) {
            FrameworkBridge.traceValue(value);
        }
    }
}
