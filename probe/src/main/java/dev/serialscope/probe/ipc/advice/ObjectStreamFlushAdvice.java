package dev.serialscope.probe.ipc.advice;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.flush (close calls it too): the bytes it sends are serialized
 * data, usually the tail of the last object written.
 */
public final class ObjectStreamFlushAdvice {

    private ObjectStreamFlushAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter() {
        return IpcBridge.active && IpcBridge.contextEnter(IpcBridge.JAVA_FLUSH, null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered) {
        if (entered) {
            IpcBridge.contextExit(IpcBridge.JAVA_FLUSH);
        }
    }
}
