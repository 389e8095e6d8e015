package dev.serialscope.probe.rmi;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into sun.rmi.server.UnicastServerRef.logCallException(Throwable): the call failed on the server. */
public final class RmiServerFailureAdvice {

    private RmiServerFailureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Throwable failure) {
        if (IpcBridge.rmiActive) {
            IpcBridge.rmiServerFailure(failure);
        }
    }
}
