package dev.serialscope.probe;

import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.hazelcast.HazelcastInstrumentation;
import dev.serialscope.probe.ipc.IpcInstrumentation;
import dev.serialscope.probe.jackson.JacksonInstrumentation;
import dev.serialscope.probe.javaserial.JavaSerializationInstrumentation;
import dev.serialscope.probe.kryo.KryoInstrumentation;
import dev.serialscope.probe.protobuf.ProtobufInstrumentation;
import dev.serialscope.probe.rmi.RmiInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wires the probe into the JVM: module access, then every instrumentation of the list. */
final class Installer {

    /**
     * Installed in this order. The IPC advice on ObjectOutputStream and ObjectInputStream goes on
     * top of the java serialization advice, as it always has.
     */
    private static final List<InstrumentationModule> INSTRUMENTATIONS = List.of(
            new JavaSerializationInstrumentation(),
            new KryoInstrumentation(),
            new JacksonInstrumentation(),
            new ProtobufInstrumentation(),
            new IpcInstrumentation(),
            new RmiInstrumentation(),
            new HazelcastInstrumentation());

    private Installer() {
    }

    /** {@code atStartup}: from premain, before the application's main class is loaded; {@code metrics}: metrics=jmx. */
    static void install(Instrumentation instrumentation, boolean atStartup, boolean metrics) {
        openJdkPackages(instrumentation);
        // Byte Buddy's Nexus would use sun.misc.Unsafe, which JDK 24+ warns about; our advice needs no Nexus.
        System.setProperty("net.bytebuddy.nexus.disabled", "true");
        new ProbeCore(instrumentation).install(INSTRUMENTATIONS, atStartup, metrics);
    }

    /**
     * The probe reads private fields of java.io and java.net stream classes (never their data); java.base reads
     * jdk.jfr, so that the advice inlined into ObjectOutputStream and ObjectInputStream can commit the call's event
     * there (and its stack trace starts at the JDK's method, not in the agent).
     */
    private static void openJdkPackages(Instrumentation instrumentation) {
        Module javaBase = Object.class.getModule();
        Set<Module> probe = Set.of(Installer.class.getModule());
        instrumentation.redefineModule(javaBase, Set.of(jdk.jfr.Event.class.getModule()), Map.of(),
                Map.of("java.io", probe, "java.net", probe), Set.of(), Map.of());
    }
}
