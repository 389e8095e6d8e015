package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into ObjectOutputStream.writeNonProxyDesc and writeProxyDesc: once per new class descriptor. */
public final class WriteDescriptorAdvice {

    private WriteDescriptorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object stream) {
        return Bridge.serializationActive ? Bridge.descriptorEnter(stream, true) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Enter Object frame) {
        if (frame != null) {
            Bridge.descriptorExit(stream, frame, true);
        }
    }
}
