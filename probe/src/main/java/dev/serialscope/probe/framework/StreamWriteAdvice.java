package dev.serialscope.probe.framework;

import dev.serialscope.boot.FrameworkBridge;
import java.io.OutputStream;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into writeValue(OutputStream, object) (Jackson): a measured top-level call writes
 * through a counting stream the agent hands it, which passes everything on unchanged.
 */
public final class StreamWriteAdvice {

    private StreamWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object self,
                        @Advice.Argument(value = 0, readOnly = false) OutputStream out, @Advice.Argument(1) Object root) {
        Object token = FrameworkBridge.writeActive ? FrameworkBridge.writeEnter(site, self, out, root) : null;
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
