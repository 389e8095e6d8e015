package dev.serialscope.probe.framework;

import dev.serialscope.boot.FrameworkBridge;
import java.io.InputStream;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into read methods taking an InputStream first (Jackson readValue/readTree, Protobuf
 * parseFrom/parseDelimitedFrom): a measured top-level call reads through a counting stream.
 */
public final class StreamReadAdvice {

    private StreamReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object self,
                        @Advice.Argument(value = 0, readOnly = false) InputStream in) {
        Object token = FrameworkBridge.readActive ? FrameworkBridge.readEnter(site, self, in, 0) : null;
        if (token instanceof InputStream) {
            in = (InputStream) token;
        }
        return token;
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
