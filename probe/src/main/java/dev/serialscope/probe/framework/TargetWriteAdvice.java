package dev.serialscope.probe.framework;

import dev.serialscope.boot.FrameworkBridge;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/** Inlined into writeValue(target, object) methods whose target is not an OutputStream (File, Writer, ...). */
public final class TargetWriteAdvice {

    private TargetWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object self, @Advice.Argument(0) Object target,
                        @Advice.Argument(1) Object root) {
        return FrameworkBridge.writeActive ? FrameworkBridge.writeEnter(site, self, target, root) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Site int site, @Advice.Enter Object token, @Advice.Thrown Throwable thrown) {
        if (token != null) {
            Event event = FrameworkBridge.writeExit(site, token, null, thrown);
            if (event != null) {
                // Committed inside the library's method, so that the stack trace starts there, not in the agent.
                event.commit();
                FrameworkBridge.writeCommitted(site, event);
            }
        }
    }
}
