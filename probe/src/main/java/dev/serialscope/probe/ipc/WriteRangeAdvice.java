package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into FileOutputStream.write(byte[], int, int): the range unless it threw. */
public final class WriteRangeAdvice {

    private WriteRangeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return IpcBridge.active ? IpcBridge.ioEnter() : IpcBridge.SKIP;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Enter long token, @Advice.Argument(2) int length, @Advice.Thrown Throwable thrown) {
        if (token != IpcBridge.SKIP) {
            IpcBridge.ioExit(channel, true, token, thrown == null ? length : 0, thrown);
        }
    }
}
