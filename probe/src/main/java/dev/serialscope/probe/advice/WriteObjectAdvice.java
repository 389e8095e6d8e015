package dev.serialscope.probe.advice;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.writeObject and writeUnshared. Only top-level calls
 * ({@code depth == 0}) are measured: nested calls from custom writeObject methods belong to them.
 */
public final class WriteObjectAdvice {

    private WriteObjectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object stream, @Advice.FieldValue("depth") int depth) {
        return depth == 0 && Bridge.serializationActive ? Bridge.serializationEnter(stream) : Bridge.SKIP;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Argument(0) Object root,
                     @Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        if (token != Bridge.SKIP) {
            Bridge.serializationExit(stream, root, token, thrown);
        }
    }
}
