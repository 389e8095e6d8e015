package dev.serialscope.probe.rmi;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into sun.rmi.server.UnicastServerRef.dispatch(Remote, RemoteCall): one server call. */
public final class RmiDispatchAdvice {

    private RmiDispatchAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) Object remote, @Advice.Argument(1) Object call) {
        return IpcBridge.rmiActive && IpcBridge.rmiServerEnter(remote, call);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered, @Advice.Thrown Throwable thrown) {
        if (entered) {
            IpcBridge.rmiServerExit(thrown);
        }
    }
}
