package dev.serialscope.probe.protobuf;

import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.probe.framework.Site;
import java.io.OutputStream;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/** Inlined into Protobuf writeTo(OutputStream)/writeDelimitedTo(OutputStream): the message writes through a counting stream. */
public final class MessageStreamWriteAdvice {

    private MessageStreamWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object message,
                        @Advice.Argument(value = 0, readOnly = false) OutputStream out) {
        Object token = FrameworkBridge.writeActive ? FrameworkBridge.writeEnter(site, message, out, message) : null;
        if (token instanceof OutputStream) {
            out = (OutputStream) token;
        }
        return token;
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
