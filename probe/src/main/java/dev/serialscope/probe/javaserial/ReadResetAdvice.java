package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of ObjectInputStream.handleReset: a TC_RESET read at the start of a top-level
 * call empties the handle table, so the call's objects are counted from there.
 */
public final class ReadResetAdvice {

    private ReadResetAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object stream) {
        if (Bridge.deserializationActive) {
            Bridge.streamReset(stream);
        }
    }
}
