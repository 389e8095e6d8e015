package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into NioSocketImpl.implWrite and SocketChannelImpl.write(ByteBuffer): the return value is the bytes written. */
public final class WriteIntAdvice {

    private WriteIntAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return IpcBridge.active ? IpcBridge.ioEnter() : IpcBridge.SKIP;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Enter long token, @Advice.Return int written, @Advice.Thrown Throwable thrown) {
        if (token != IpcBridge.SKIP) {
            IpcBridge.ioExit(channel, true, token, written, thrown);
        }
    }
}
