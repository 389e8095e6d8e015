package dev.serialscope.probe.rmi;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.ProbeCore;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;

/**
 * RMI calls: {@code sun.rmi.server.UnicastRef.invoke(Remote, Method, Object[], long)} on the client and
 * {@code UnicastServerRef.dispatch/logCall/logCallException} on the server. The advice calls the IPC
 * bridge, whose hooks ({@code dev.serialscope.probe.ipc}) keep each thread's {@link RmiCalls} next to
 * its socket I/O; without the IPC instrumentation the advice does nothing.
 */
public final class RmiInstrumentation implements InstrumentationModule {

    @Override
    public String name() {
        return "RMI";
    }

    @Override
    public void install(ProbeCore core) {
        core.transform("sun.rmi.server.UnicastRef", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(RmiClientAdvice.class).on(named("invoke").and(takesArguments(4))
                        .and(takesArgument(1, Method.class)))));
        core.transform("sun.rmi.server.UnicastServerRef", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(RmiDispatchAdvice.class).on(named("dispatch").and(takesArguments(2))))
                .visit(Advice.to(RmiServerMethodAdvice.class).on(named("logCall").and(takesArguments(2))))
                .visit(Advice.to(RmiServerFailureAdvice.class).on(named("logCallException")
                        .and(takesArguments(Throwable.class)))));
    }
}
