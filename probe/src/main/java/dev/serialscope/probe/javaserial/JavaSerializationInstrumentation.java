package dev.serialscope.probe.javaserial;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.serialscope.boot.Bridge;
import dev.serialscope.boot.ClassSetBridge;
import dev.serialscope.boot.ProbeHooks;
import dev.serialscope.events.SerializationCompositionEvent;
import dev.serialscope.probe.core.Bridges;
import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.LateAdvice;
import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.core.RecordingFollower;
import dev.serialscope.probe.core.SerializationRecording;
import java.io.OutputStream;
import java.security.ProtectionDomain;
import java.util.Map;
import jdk.jfr.EventType;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Java serialization: top-level ObjectOutputStream.writeObject/writeUnshared and
 * ObjectInputStream.readObject/readUnshared calls, their class descriptors, the counting wrapper
 * every ObjectOutputStream writes through, the pipes of child processes (for channel names), and the
 * classes ObjectInputStream asks its serial filter about (the class set per channel).
 * The per-object tracing advice for composition events is added later, when a recording first asks for them.
 */
public final class JavaSerializationInstrumentation implements InstrumentationModule {

    /** Set when JFR registers our events, before the first change. */
    private EventType compositionType;

    @Override
    public String name() {
        return "java serialization";
    }

    @Override
    public void install(ProbeCore core) {
        SerializationRecording recording = core.recording();
        SerializationProbe probe = new SerializationProbe(core);
        LateAdvice tracing = LateAdvice.compositionTracing(core);
        tracing.add(Map.of("java.io.ObjectOutputStream", JavaSerializationInstrumentation::tracedObjectOutputStream));
        recording.onRegistration(() -> compositionType = RecordingFollower.registered(SerializationCompositionEvent.class));
        recording.onChange(() -> {
            boolean statistics = recording.counting();
            // The tracing advice goes in before the first call can be traced, and only once a recording asks.
            boolean composition = RecordingFollower.enabled(compositionType) && (tracing.installed() || tracing.install());
            probe.compositionEvents = composition;
            Bridge.activate(recording.serializationEvents() || composition || statistics,
                    recording.deserializationEvents() || statistics);
        });
        Bridges.install(ProbeHooks.class, probe, Bridge::install);
        ClassSetProbe classSets = new ClassSetProbe(core);
        Bridges.install(ClassSetBridge.Hooks.class, classSets, ClassSetBridge::install);
        new ClassSetRecording(classSets).start();
        core.transform("java.io.ObjectOutputStream", JavaSerializationInstrumentation::objectOutputStream);
        core.transform("java.io.ObjectInputStream", JavaSerializationInstrumentation::objectInputStream);
        core.transform("java.lang.ProcessBuilder", JavaSerializationInstrumentation::processBuilder);
    }

    private static DynamicType.Builder<?> objectOutputStream(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder
                .visit(Advice.to(WriteObjectAdvice.class).on(
                        named("writeObject").and(takesArguments(Object.class)).or(named("writeUnshared"))))
                .visit(Advice.to(CountingStreamAdvice.class).on(isConstructor().and(takesArguments(OutputStream.class))))
                .visit(Advice.to(WriteDescriptorAdvice.class).on(named("writeNonProxyDesc").or(named("writeProxyDesc"))));
    }

    private static DynamicType.Builder<?> tracedObjectOutputStream(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder
                .visit(Advice.to(TraceObjectAdvice.class).on(named("writeObject0")))
                .visit(Advice.to(TraceFieldsAdvice.class).on(named("defaultWriteFields")));
    }

    private static DynamicType.Builder<?> objectInputStream(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder
                .visit(Advice.to(ReadObjectAdvice.class).on(
                        named("readObject").and(takesNoArguments()).or(named("readUnshared").and(takesNoArguments()))))
                .visit(Advice.to(ReadDescriptorAdvice.class).on(named("readNonProxyDesc").or(named("readProxyDesc"))))
                .visit(Advice.to(ReadResetAdvice.class).on(named("handleReset")))
                .visit(Advice.to(FilterCheckAdvice.class).on(named("filterCheck").and(takesArguments(Class.class, int.class))));
    }

    private static DynamicType.Builder<?> processBuilder(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(Advice.to(ProcessStartAdvice.class).on(named("start").and(takesNoArguments())));
    }
}
