package dev.serialscope.probe.core;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

    private final Instrumentation instrumentation;
    private final ProbeErrors errors = new ProbeErrors();
    private final Channels channels = new Channels();
    private final SerializationRecording recording = new SerializationRecording();
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
     * already loaded and to those still to come.
     */
    public void install(List<InstrumentationModule> modules) {
        for (InstrumentationModule module : modules) {
            try {
                module.install(this);
            } catch (Throwable t) {
                errors.report(module.name() + " instrumentation", t);
            }
            installing++;
        }
        recording.start();
        ClassGate gate = new ClassGate(typeNames(), errors);
        gate.installingOn(Thread.currentThread());
        instrumentation.addTransformer(gate, true);
        installAdvice(gate);
    }

    private void installAdvice(ClassGate gate) {
        ClassFileTransformer advice = null;
        try {
            advice = adviceTransformer();
        } catch (Throwable t) {
            errors.report("advice installation", t);
        } finally {
            gate.open(advice);
        }
        if (advice != null) {
            retransformLoadedClasses();
        }
    }

    /** One class at a time: a class that cannot be retransformed leaves the others instrumented. */
    private void retransformLoadedClasses() {
        Set<String> names = typeNames();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (names.contains(type.getName()) && instrumentation.isModifiableClass(type)) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Throwable t) {
                    errors.report("instrumentation of " + type.getName(), t);
                }
            }
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

    public SerializerCalls serializerCalls() {
        return serializerCalls;
    }

    /** The one instance of a helper that several modules share, made by the first that asks. */
    public <T> T shared(Class<T> type, Function<ProbeCore, T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.apply(this)));
    }
}
