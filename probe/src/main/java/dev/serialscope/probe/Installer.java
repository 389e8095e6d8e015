package dev.serialscope.probe;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.serialscope.boot.Bridge;
import dev.serialscope.probe.advice.CountingStreamAdvice;
import dev.serialscope.probe.advice.ProcessStartAdvice;
import dev.serialscope.probe.advice.ReadDescriptorAdvice;
import dev.serialscope.probe.advice.ReadObjectAdvice;
import dev.serialscope.probe.advice.ReadResetAdvice;
import dev.serialscope.probe.advice.WriteDescriptorAdvice;
import dev.serialscope.probe.advice.WriteObjectAdvice;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Wires the probe into the JVM: module access, the bridge, JFR, and the bytecode advice. */
final class Installer {

    private Installer() {
    }

    static void install(Instrumentation instrumentation) {
        openJdkPackages(instrumentation);
        // Byte Buddy's Nexus would use sun.misc.Unsafe, which JDK 24+ warns about; our advice needs no Nexus.
        System.setProperty("net.bytebuddy.nexus.disabled", "true");
        ProbeErrors errors = new ProbeErrors();
        RecordingSwitch recording = new RecordingSwitch(new TracingInstaller(instrumentation, errors));
        Channels channels = new Channels();
        SerializationProbe probe = new SerializationProbe(recording, channels, errors);
        Bridge.install(FaultInjection.wrapIfRequested(probe));
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new TransformFailureListener(errors))
                .ignore(nameStartsWith("dev.serialscope."))
                .type(named("java.io.ObjectOutputStream"))
                .transform(Installer::objectOutputStream)
                .type(named("java.io.ObjectInputStream"))
                .transform(Installer::objectInputStream)
                .type(named("java.lang.ProcessBuilder"))
                .transform(Installer::processBuilder)
                .installOn(instrumentation);
        FrameworkRecordingAccess.install(instrumentation, recording, channels, errors, probe);
        IpcRecordingAccess.install(instrumentation, channels, errors);
        recording.start();
    }

    private static DynamicType.Builder<?> objectOutputStream(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        return builder
                .visit(Advice.to(WriteObjectAdvice.class).on(
                        named("writeObject").and(takesArguments(Object.class)).or(named("writeUnshared"))))
                .visit(Advice.to(CountingStreamAdvice.class).on(isConstructor().and(takesArguments(OutputStream.class))))
                .visit(Advice.to(WriteDescriptorAdvice.class).on(named("writeNonProxyDesc").or(named("writeProxyDesc"))));
    }

    private static DynamicType.Builder<?> objectInputStream(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        return builder
                .visit(Advice.to(ReadObjectAdvice.class).on(
                        named("readObject").and(takesNoArguments()).or(named("readUnshared").and(takesNoArguments()))))
                .visit(Advice.to(ReadDescriptorAdvice.class).on(named("readNonProxyDesc").or(named("readProxyDesc"))))
                .visit(Advice.to(ReadResetAdvice.class).on(named("handleReset")));
    }

    private static DynamicType.Builder<?> processBuilder(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        return builder.visit(Advice.to(ProcessStartAdvice.class).on(named("start").and(takesNoArguments())));
    }

    /** The probe reads private fields of java.io and java.net stream classes (never their data). */
    private static void openJdkPackages(Instrumentation instrumentation) {
        Module javaBase = Object.class.getModule();
        Set<Module> probe = Set.of(Installer.class.getModule());
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                Map.of("java.io", probe, "java.net", probe), Set.of(), Map.of());
    }
}
