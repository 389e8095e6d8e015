package dev.serialscope.probe.protobuf;

import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.probe.framework.Site;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/** Inlined into methods of the object itself that return its bytes: Protobuf toByteArray/toByteString. */
public final class MessageWriteAdvice {

    private MessageWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object message) {
        return FrameworkBridge.writeActive ? FrameworkBridge.writeEnter(site, message, null, message) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Site int site, @Advice.Enter Object token, @Advice.Return Object result,
                     @Advice.Thrown Throwable thrown) {
        if (token != null) {
            Event event = FrameworkBridge.writeExit(site, token, result, thrown);
            if (event != null) {
                // Committed inside the library's method, so that the stack trace starts there, not in the agent.
                event.commit();
                FrameworkBridge.writeCommitted(site, event);
            }
        }
    }
}
