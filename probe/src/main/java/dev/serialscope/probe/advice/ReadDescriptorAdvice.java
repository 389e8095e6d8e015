package dev.serialscope.probe.advice;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into ObjectInputStream.readNonProxyDesc and readProxyDesc: once per new class descriptor. */
public final class ReadDescriptorAdvice {

    private ReadDescriptorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.This Object stream) {
        return Bridge.deserializationActive && Bridge.descriptorEnter(stream, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Enter boolean counted) {
        if (counted) {
            Bridge.descriptorExit(stream, false);
        }
    }
}
