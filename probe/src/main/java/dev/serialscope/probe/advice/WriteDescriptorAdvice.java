package dev.serialscope.probe.advice;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into ObjectOutputStream.writeNonProxyDesc and writeProxyDesc: once per new class descriptor. */
public final class WriteDescriptorAdvice {

    private WriteDescriptorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.This Object stream) {
        return Bridge.serializationActive && Bridge.descriptorEnter(stream, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Enter boolean counted) {
        if (counted) {
            Bridge.descriptorExit(stream, true);
        }
    }
}
