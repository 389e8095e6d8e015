package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into ObjectInputStream.readNonProxyDesc and readProxyDesc: once per new class descriptor. */
public final class ReadDescriptorAdvice {

    private ReadDescriptorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object stream) {
        return Bridge.deserializationActive ? Bridge.descriptorEnter(stream, false) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Enter Object frame) {
        if (frame != null) {
            Bridge.descriptorExit(stream, frame, false);
        }
    }
}
