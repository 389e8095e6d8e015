package dev.serialscope.probe.rmi;

import dev.serialscope.boot.IpcBridge;
import jdk.jfr.Event;
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
            Event event = IpcBridge.rmiServerExit(thrown);
            if (event != null) {
                // Committed inside the JDK's method, so that the stack trace starts there, not in the agent.
                event.commit();
                IpcBridge.rmiCommitted(event);
            }
        }
    }
}
