package dev.serialscope.probe.ipc.advice;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectInputStream.readObject(), readUnshared() and readStreamHeader(): channel
 * reads on this thread while it runs are deserialization input.
 */
public final class ObjectReadContextAdvice {

    private ObjectReadContextAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter() {
        return IpcBridge.active && IpcBridge.contextEnter(IpcBridge.JAVA_READ, null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered) {
        if (entered) {
            IpcBridge.contextExit(IpcBridge.JAVA_READ);
        }
    }
}
