package dev.serialscope.probe.kryo;

import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.probe.framework.Site;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Kryo.writeClassAndObject, writeObject and writeObjectOrNull (Output first, object second).
 * Only calls with Kryo's own {@code depth == 0} are top-level: serializers call these methods for
 * every nested object.
 */
public final class KryoWriteAdvice {

    private KryoWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Site int site, @Advice.This Object kryo, @Advice.FieldValue("depth") int depth,
                        @Advice.Argument(0) Object output, @Advice.Argument(1) Object root) {
        return depth == 0 && FrameworkBridge.writeActive ? FrameworkBridge.writeEnter(site, kryo, output, root) : null;
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
