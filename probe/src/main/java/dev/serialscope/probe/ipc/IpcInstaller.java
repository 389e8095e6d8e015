package dev.serialscope.probe.ipc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.serialscope.boot.IpcBridge;
import dev.serialscope.probe.frameworks.Frameworks;
import dev.serialscope.probe.ipc.advice.ObjectReadContextAdvice;
import dev.serialscope.probe.ipc.advice.ObjectStreamContextAdvice;
import dev.serialscope.probe.ipc.advice.ReadByteAdvice;
import dev.serialscope.probe.ipc.advice.ReadIntAdvice;
import dev.serialscope.probe.ipc.advice.ReadLongAdvice;
import dev.serialscope.probe.ipc.advice.RmiClientAdvice;
import dev.serialscope.probe.ipc.advice.RmiDispatchAdvice;
import dev.serialscope.probe.ipc.advice.RmiServerFailureAdvice;
import dev.serialscope.probe.ipc.advice.RmiServerMethodAdvice;
import dev.serialscope.probe.ipc.advice.WriteArrayAdvice;
import dev.serialscope.probe.ipc.advice.WriteByteAdvice;
import dev.serialscope.probe.ipc.advice.WriteIntAdvice;
import dev.serialscope.probe.ipc.advice.WriteLongAdvice;
import dev.serialscope.probe.ipc.advice.WriteRangeAdvice;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Instruments the JDK's channel I/O and RMI, confirmed on JDK 17 and 25:
 * <ul>
 * <li>{@code sun.nio.ch.NioSocketImpl.implWrite/implRead}: every java.net.Socket stream (RMI included);</li>
 * <li>{@code sun.nio.ch.SocketChannelImpl} public {@code write/read}: TCP and Unix-domain channels. Only
 *     this level: JDK 25's write delegates to a new private implWrite, which would count twice;</li>
 * <li>{@code java.io.FileOutputStream.write} and {@code FileInputStream.read}: files, standard streams
 *     and process pipes (JDK 17 pipes are plain file streams; JDK 25's Process$PipeOutputStream and
 *     PipeInputStream call these methods through super, so they are counted once);</li>
 * <li>{@code ObjectOutputStream.writeObject/writeUnshared} and {@code ObjectInputStream.readObject/
 *     readUnshared/readStreamHeader}: the serialization context of a thread's I/O (bytes that leave an
 *     ObjectOutputStream outside a call, such as its header, a reset or the tail of the last object,
 *     are marked by the agent's counting wrapper, through which they all pass);</li>
 * <li>{@code sun.rmi.server.UnicastRef.invoke(Remote, Method, Object[], long)} and
 *     {@code UnicastServerRef.dispatch/logCall/logCallException}: RMI calls.</li>
 * </ul>
 */
public final class IpcInstaller {

    private IpcInstaller() {
    }

    public static void install(Instrumentation instrumentation, IpcEnvironment environment,
                               AgentBuilder.Listener listener) {
        IpcRecording recording = new IpcRecording();
        String[] frameworks = new String[Frameworks.count()];
        for (int i = 0; i < frameworks.length; i++) {
            frameworks[i] = Frameworks.name(i);
        }
        IpcProbe probe = new IpcProbe(recording, new ChannelNames(environment), environment, frameworks);
        IpcBridge.install(IpcFaultInjection.wrapIfRequested(probe));
        try {
            FrameworkContext.install(probe);
        } catch (Throwable t) {
            environment.report("IPC framework context", t);
        }
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(listener)
                .ignore(nameStartsWith("dev.serialscope."))
                .type(named("sun.nio.ch.NioSocketImpl"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(WriteIntAdvice.class).on(named("implWrite").and(returns(int.class))
                                .and(takesArgument(0, byte[].class))))
                        .visit(Advice.to(ReadIntAdvice.class).on(named("implRead").and(returns(int.class))
                                .and(takesArgument(0, byte[].class)))))
                .type(named("sun.nio.ch.SocketChannelImpl"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(WriteIntAdvice.class).on(isPublic().and(named("write"))
                                .and(takesArguments(ByteBuffer.class)).and(returns(int.class))))
                        .visit(Advice.to(WriteLongAdvice.class).on(isPublic().and(named("write"))
                                .and(takesArguments(ByteBuffer[].class, int.class, int.class)).and(returns(long.class))))
                        .visit(Advice.to(ReadIntAdvice.class).on(isPublic().and(named("read"))
                                .and(takesArguments(ByteBuffer.class)).and(returns(int.class))))
                        .visit(Advice.to(ReadLongAdvice.class).on(isPublic().and(named("read"))
                                .and(takesArguments(ByteBuffer[].class, int.class, int.class)).and(returns(long.class)))))
                .type(named("java.io.FileOutputStream"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(WriteByteAdvice.class).on(named("write").and(takesArguments(int.class))))
                        .visit(Advice.to(WriteArrayAdvice.class).on(named("write").and(takesArguments(byte[].class))))
                        .visit(Advice.to(WriteRangeAdvice.class).on(named("write")
                                .and(takesArguments(byte[].class, int.class, int.class)))))
                .type(named("java.io.FileInputStream"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(ReadByteAdvice.class).on(named("read").and(takesNoArguments())))
                        .visit(Advice.to(ReadIntAdvice.class).on(named("read").and(takesArguments(byte[].class))
                                .or(named("read").and(takesArguments(byte[].class, int.class, int.class))))))
                .type(named("java.io.ObjectOutputStream"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(ObjectStreamContextAdvice.class).on(
                                named("writeObject").and(takesArguments(Object.class))
                                        .or(named("writeUnshared").and(takesArguments(Object.class))))))
                .type(named("java.io.ObjectInputStream"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(ObjectReadContextAdvice.class).on(
                                named("readObject").and(takesNoArguments())
                                        .or(named("readUnshared").and(takesNoArguments()))
                                        .or(named("readStreamHeader").and(takesNoArguments())))))
                .type(named("sun.rmi.server.UnicastRef"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(RmiClientAdvice.class).on(named("invoke").and(takesArguments(4))
                                .and(takesArgument(1, Method.class)))))
                .type(named("sun.rmi.server.UnicastServerRef"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(RmiDispatchAdvice.class).on(named("dispatch").and(takesArguments(2))))
                        .visit(Advice.to(RmiServerMethodAdvice.class).on(named("logCall").and(takesArguments(2))))
                        .visit(Advice.to(RmiServerFailureAdvice.class).on(named("logCallException")
                                .and(takesArguments(Throwable.class)))))
                .installOn(instrumentation);
        recording.start();
    }
}
