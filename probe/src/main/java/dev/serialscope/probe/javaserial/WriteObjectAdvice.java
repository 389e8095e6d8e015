package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import jdk.jfr.Event;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.writeObject and writeUnshared. Only top-level calls
 * ({@code depth == 0}) are measured: nested calls from custom writeObject methods belong to them.
 */
public final class WriteObjectAdvice {

    private WriteObjectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object stream, @Advice.FieldValue("depth") int depth) {
        return depth == 0 && Bridge.serializationActive ? Bridge.serializationEnter(stream) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Argument(0) Object root,
                     @Advice.Enter Object frame, @Advice.Thrown Throwable thrown) {
        if (frame != null) {
            Event event = Bridge.serializationExit(stream, root, frame, thrown);
            if (event != null) {
                // Committed here, inside writeObject: JFR starts the stack trace at the caller of commit(), so
                // the event's stack begins at ObjectOutputStream.writeObject with no frame of the agent on top.
                event.commit();
                Bridge.serializationCommitted(event);
            }
        }
    }
}
