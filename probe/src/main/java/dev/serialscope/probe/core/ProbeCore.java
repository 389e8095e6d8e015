package dev.serialscope.probe.core;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * What every instrumentation builds on: error reporting, channel names, the serialization
 * recording's flags and statistics, call ids, serializer-call attribution and the one AgentBuilder
 * configuration. It knows no instrumentation by name.
 *
 * <p>The advice of all modules is one Byte Buddy transformer, reached through a {@link ClassGate}, and
 * built after the modules have said which classes they transform: Byte Buddy is first touched there.
 */
public final class ProbeCore {

    /** How often, and how long apart, the installation looks for a class still being defined (1 s in all). */
    private static final int LOOK_AGAIN = 100;
    private static final long LOOK_AGAIN_NANOS = 10_000_000;

    private final Instrumentation instrumentation;
    private final ProbeErrors errors = new ProbeErrors();
    private final Channels channels = new Channels();
    private final SerializationRecording recording = new SerializationRecording();
    private final ChannelMetrics channelMetrics = new ChannelMetrics();
    private final AtomicLong callIds = new AtomicLong();
    private final SerializerCalls serializerCalls = new SerializerCalls();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final List<Transformation> transformations = new ArrayList<>();
    private int installing;

    /** The advice of module number {@code module} (in the list's order) for the class of exactly this binary name. */
    private record Transformation(int module, String typeName, AgentBuilder.Transformer transformer) {
    }

    public ProbeCore(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * Installs the modules in order, starts following JFR, then adds their advice to the classes
     * already loaded and to those still to come. {@code atStartup} (premain): Byte Buddy builds the
     * advice on a thread of its own while the JVM goes on starting (JFR's recording among it), and
     * the application waits for it only when it loads its first class ({@link ClassGate}); otherwise
     * (attach) the advice is in place when this returns. {@code metrics}: count the statistics and the channel
     * bytes from now on, recording or not, and publish them as MBeans ({@link JmxMetrics}).
     */
    public void install(List<InstrumentationModule> modules, boolean atStartup, boolean metrics) {
        for (InstrumentationModule module : modules) {
            try {
                module.install(this);
            } catch (Throwable t) {
                errors.report(module.name() + " instrumentation", t);
            }
            installing++;
        }
        recording.start();
        if (metrics) {
            JmxMetrics.start(recording, channelMetrics, errors);
        }
        ClassGate gate = new ClassGate(typeNames(), errors, atStartup);
        instrumentation.addTransformer(gate, true);
        if (atStartup) {
            Thread thread = new Thread(() -> installAdvice(gate), "SerialScope installation");
            thread.setDaemon(true);
            gate.installingOn(thread);
            thread.start();
        } else {
            gate.installingOn(Thread.currentThread());
            installAdvice(gate);
        }
    }

    private void installAdvice(ClassGate gate) {
        try {
            ClassFileTransformer advice = null;
            try {
                advice = adviceTransformer();
            } catch (Throwable t) {
                errors.report("advice installation", t);
            }
            List<ClassGate.Passed> passed = gate.open(advice);
            if (advice != null) {
                retransformLoadedClasses(passed);
            }
        } finally {
            gate.installed();
        }
    }

    /**
     * Retransforms the instrumented classes loaded so far, one at a time (a class that cannot be
     * retransformed leaves the others instrumented). A class that passed the gate while the advice was
     * built may still be in the middle of its definition: it is looked for again a few times.
     */
    private void retransformLoadedClasses(List<ClassGate.Passed> passed) {
        Set<String> names = typeNames();
        Set<Class<?>> done = new HashSet<>();
        for (int attempt = 0; attempt < LOOK_AGAIN; attempt++) {
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (names.contains(type.getName()) && !done.contains(type) && instrumentation.isModifiableClass(type)) {
                    done.add(type);
                    try {
                        instrumentation.retransformClasses(type);
                    } catch (Throwable t) {
                        errors.report("instrumentation of " + type.getName(), t);
                    }
                }
            }
            if (passed.stream().allMatch(p -> done.stream().anyMatch(
                    type -> type.getName().equals(p.name()) && type.getClassLoader() == p.loader()))) {
                return;
            }
            LockSupport.parkNanos(LOOK_AGAIN_NANOS);
        }
    }

    /**
     * Adds {@code transformer}'s advice to the class named {@code typeName} (matched exactly, in any
     * class loader), after the advice added before to the same class. Only a module's install calls it.
     */
    public void transform(String typeName, AgentBuilder.Transformer transformer) {
        transformations.add(new Transformation(installing, typeName, transformer));
    }

    private Set<String> typeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Transformation transformation : transformations) {
            names.add(transformation.typeName());
        }
        return names;
    }

    /**
     * Every module's advice in one transformer. Byte Buddy puts the advice it applies first outermost,
     * so the later modules go first: a method advised by two modules nests their advice as if each
     * module had transformed the class after the ones before it in the list (IPC's serialization
     * context around the java serialization advice).
     */
    private ClassFileTransformer adviceTransformer() {
        List<Transformation> laterModulesFirst = new ArrayList<>(transformations);
        laterModulesFirst.sort(Comparator.comparingInt(Transformation::module).reversed());
        AgentBuilder builder = agentBuilder();
        for (Transformation transformation : laterModulesFirst) {
            builder = builder.type(named(transformation.typeName())).transform(transformation.transformer());
        }
        return builder.makeRaw();
    }

    /**
     * The configuration of all advice: bootstrap classes included, loaded classes retransformed, no
     * class format changes, and never our own classes. Advice added after the installation (composition
     * tracing) installs its own builder of this configuration.
     */
    public AgentBuilder agentBuilder(AgentBuilder.Listener listener) {
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(listener)
                .ignore(nameStartsWith("dev.serialscope."));
    }

    /** The configuration with a class we could not instrument reported once; the JVM keeps the original class. */
    private AgentBuilder agentBuilder() {
        return agentBuilder(new TransformFailureListener(errors));
    }

    public Instrumentation instrumentation() {
        return instrumentation;
    }

    public ProbeErrors errors() {
        return errors;
    }

    public Channels channels() {
        return channels;
    }

    public SerializationRecording recording() {
        return recording;
    }

    /** Call ids are shared by all serializers, so that they stay unique in a recording. */
    public AtomicLong callIds() {
        return callIds;
    }

    /** The channel bytes for metrics, which the IPC instrumentation counts. */
    public ChannelMetrics channelMetrics() {
        return channelMetrics;
    }

    public SerializerCalls serializerCalls() {
        return serializerCalls;
    }

    /** The one instance of a helper that several modules share, made by the first that asks. */
    public <T> T shared(Class<T> type, Function<ProbeCore, T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.apply(this)));
    }
}
