package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into FileInputStream.read(): one byte, or none at end of stream. */
public final class ReadByteAdvice {

    private ReadByteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return IpcBridge.active ? IpcBridge.ioEnter() : IpcBridge.SKIP;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Enter long token, @Advice.Return int value, @Advice.Thrown Throwable thrown) {
        if (token != IpcBridge.SKIP) {
            IpcBridge.ioExit(channel, false, token, value >= 0 ? 1 : 0, thrown);
        }
    }
}
