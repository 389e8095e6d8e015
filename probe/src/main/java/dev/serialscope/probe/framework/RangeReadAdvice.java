package dev.serialscope.probe.framework;

import dev.serialscope.boot.FrameworkBridge;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/** Inlined into read methods taking (byte[] data, int offset, int length, ...): the call reads {@code length} bytes. */
public final class RangeReadAdvice {

    private RangeReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object self, @Advice.Argument(0) Object source,
                        @Advice.Argument(2) int length) {
        return FrameworkBridge.readActive ? FrameworkBridge.readEnter(site, self, source, length) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Site int site, @Advice.Enter Object token, @Advice.Return Object result,
                     @Advice.Thrown Throwable thrown) {
        if (token != null) {
            Event event = FrameworkBridge.readExit(site, token, result, thrown);
            if (event != null) {
                // Committed inside the library's method, so that the stack trace starts there, not in the agent.
                event.commit();
                FrameworkBridge.readCommitted(site, event);
            }
        }
    }
}
