package dev.serialscope.probe.ipc.advice;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.flush (close calls it too) and into its BlockDataOutputStream's
 * drain, flush and write(byte[], int, int, boolean), where all of its bytes leave it: the bytes they
 * send are serialized data (the tail of the last object written, the stream header, a TC_RESET).
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
