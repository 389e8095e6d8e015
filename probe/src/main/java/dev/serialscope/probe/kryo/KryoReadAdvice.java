package dev.serialscope.probe.kryo;

import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.probe.framework.Site;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/** Inlined into Kryo.readClassAndObject, readObject and readObjectOrNull (Input first); Kryo's {@code depth == 0} only. */
public final class KryoReadAdvice {

    private KryoReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object kryo, @Advice.FieldValue("depth") int depth,
                        @Advice.Argument(0) Object input) {
        return depth == 0 && FrameworkBridge.readActive ? FrameworkBridge.readEnter(site, kryo, input, 0) : null;
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
