package dev.serialscope.probe.ipc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.serialscope.boot.IpcBridge;
import dev.serialscope.probe.core.Bridges;
import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.ProbeCore;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * Channel I/O: sockets, socket channels, pipes and files. Instruments, confirmed on JDK 17 and 25:
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
 * </ul>
 * Kryo, Jackson and Protobuf calls say when they run through the core's {@link dev.serialscope.probe.core.SerializerCalls}.
 * The hooks also serve the RMI advice ({@code dev.serialscope.probe.rmi}): an RMI call's bytes are the socket
 * bytes of its thread.
 */
public final class IpcInstrumentation implements InstrumentationModule {

    @Override
    public String name() {
        return "IPC";
    }

    @Override
    public void install(ProbeCore core) {
        IpcRecording recording = new IpcRecording(core.channelMetrics());
        core.channelMetrics().countedBy(recording);
        IpcProbe probe = new IpcProbe(recording, new ChannelNames(core.channels()), core.errors());
        Bridges.install(IpcBridge.Hooks.class, probe, IpcBridge::install);
        core.serializerCalls().listen(probe);
        core.transform("sun.nio.ch.NioSocketImpl", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(WriteIntAdvice.class).on(named("implWrite").and(returns(int.class))
                        .and(takesArgument(0, byte[].class))))
                .visit(Advice.to(ReadIntAdvice.class).on(named("implRead").and(returns(int.class))
                        .and(takesArgument(0, byte[].class)))));
        core.transform("sun.nio.ch.SocketChannelImpl", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(WriteIntAdvice.class).on(isPublic().and(named("write"))
                        .and(takesArguments(ByteBuffer.class)).and(returns(int.class))))
                .visit(Advice.to(WriteLongAdvice.class).on(isPublic().and(named("write"))
                        .and(takesArguments(ByteBuffer[].class, int.class, int.class)).and(returns(long.class))))
                .visit(Advice.to(ReadIntAdvice.class).on(isPublic().and(named("read"))
                        .and(takesArguments(ByteBuffer.class)).and(returns(int.class))))
                .visit(Advice.to(ReadLongAdvice.class).on(isPublic().and(named("read"))
                        .and(takesArguments(ByteBuffer[].class, int.class, int.class)).and(returns(long.class)))));
        core.transform("java.io.FileOutputStream", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(WriteByteAdvice.class).on(named("write").and(takesArguments(int.class))))
                .visit(Advice.to(WriteArrayAdvice.class).on(named("write").and(takesArguments(byte[].class))))
                .visit(Advice.to(WriteRangeAdvice.class).on(named("write")
                        .and(takesArguments(byte[].class, int.class, int.class)))));
        core.transform("java.io.FileInputStream", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(ReadByteAdvice.class).on(named("read").and(takesNoArguments())))
                .visit(Advice.to(ReadIntAdvice.class).on(named("read").and(takesArguments(byte[].class))
                        .or(named("read").and(takesArguments(byte[].class, int.class, int.class))))));
        core.transform("java.io.ObjectOutputStream", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(ObjectStreamContextAdvice.class).on(
                        named("writeObject").and(takesArguments(Object.class))
                                .or(named("writeUnshared").and(takesArguments(Object.class))))));
        core.transform("java.io.ObjectInputStream", (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(ObjectReadContextAdvice.class).on(
                        named("readObject").and(takesNoArguments())
                                .or(named("readUnshared").and(takesNoArguments()))
                                .or(named("readStreamHeader").and(takesNoArguments())))));
        recording.start();
    }
}
