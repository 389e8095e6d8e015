package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into NioSocketImpl.implRead, SocketChannelImpl.read(ByteBuffer) and FileInputStream.read(byte[]...): the return value is the bytes read, -1 at end of stream. */
public final class ReadIntAdvice {

    private ReadIntAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return IpcBridge.active ? IpcBridge.ioEnter() : IpcBridge.SKIP;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Enter long token, @Advice.Return int read, @Advice.Thrown Throwable thrown) {
        if (token != IpcBridge.SKIP) {
            IpcBridge.ioExit(channel, false, token, Math.max(read, 0), thrown);
        }
    }
}
