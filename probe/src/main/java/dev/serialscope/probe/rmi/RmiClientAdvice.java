package dev.serialscope.probe.rmi;

import dev.serialscope.boot.IpcBridge;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;

/** Inlined into sun.rmi.server.UnicastRef.invoke(Remote, Method, Object[], long): one client call. */
public final class RmiClientAdvice {

    private RmiClientAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(1) Method method) {
        return IpcBridge.rmiActive && IpcBridge.rmiClientEnter(method);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered, @Advice.Thrown Throwable thrown) {
        if (entered) {
            IpcBridge.rmiClientExit(thrown);
        }
    }
}
