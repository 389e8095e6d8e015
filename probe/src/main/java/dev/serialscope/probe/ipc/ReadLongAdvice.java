package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into SocketChannelImpl.read(ByteBuffer[], int, int): the return value is the bytes read, -1 at end of stream. */
public final class ReadLongAdvice {

    private ReadLongAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return IpcBridge.active ? IpcBridge.ioEnter() : IpcBridge.SKIP;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Enter long token, @Advice.Return long read, @Advice.Thrown Throwable thrown) {
        if (token != IpcBridge.SKIP) {
            IpcBridge.ioExit(channel, false, token, Math.max(read, 0L), thrown);
        }
    }
}
