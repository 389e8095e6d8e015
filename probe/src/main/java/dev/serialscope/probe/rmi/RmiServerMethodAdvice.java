package dev.serialscope.probe.rmi;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into sun.rmi.server.UnicastServerRef.logCall(Remote, Object): the dispatch found its method. */
public final class RmiServerMethodAdvice {

    private RmiServerMethodAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(1) Object method) {
        if (IpcBridge.rmiActive) {
            IpcBridge.rmiServerMethod(method);
        }
    }
}
