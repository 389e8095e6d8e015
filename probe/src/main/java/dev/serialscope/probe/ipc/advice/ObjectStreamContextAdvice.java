package dev.serialscope.probe.ipc.advice;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.writeObject(Object) and writeUnshared: while it runs, channel
 * I/O on this thread is attributed to the object being written.
 */
public final class ObjectStreamContextAdvice {

    private ObjectStreamContextAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) Object root) {
        return IpcBridge.active && IpcBridge.contextEnter(IpcBridge.JAVA_WRITE, root);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered) {
        if (entered) {
            IpcBridge.contextExit(IpcBridge.JAVA_WRITE);
        }
    }
}
