package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/** Inlined into ObjectInputStream.readObject and readUnshared; top-level calls only. */
public final class ReadObjectAdvice {

    private ReadObjectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object stream, @Advice.FieldValue("depth") long depth) {
        return depth == 0 && Bridge.deserializationActive ? Bridge.deserializationEnter(stream) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Return Object result,
                     @Advice.Enter Object frame, @Advice.Thrown Throwable thrown) {
        if (frame != null) {
            Event event = Bridge.deserializationExit(stream, result, frame, thrown);
            if (event != null) {
                // As in WriteObjectAdvice: the stack trace begins at ObjectInputStream.readObject.
                event.commit();
                Bridge.deserializationCommitted(event);
            }
        }
    }
}
