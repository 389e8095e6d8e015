package dev.serialscope.probe.advice;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into ObjectInputStream.readObject and readUnshared; top-level calls only. */
public final class ReadObjectAdvice {

    private ReadObjectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object stream, @Advice.FieldValue("depth") long depth) {
        return depth == 0 && Bridge.deserializationActive ? Bridge.deserializationEnter(stream) : Bridge.SKIP;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Return Object result,
                     @Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        if (token != Bridge.SKIP) {
            Bridge.deserializationExit(stream, result, token, thrown);
        }
    }
}
