package dev.serialscope.probe.core;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * What every instrumentation builds on: error reporting, channel names, the serialization
 * recording's flags and statistics, call ids, serializer-call attribution and the one AgentBuilder
 * configuration. It knows no instrumentation by name.
 */
public final class ProbeCore {

    private final Instrumentation instrumentation;
    private final ProbeErrors errors = new ProbeErrors();
    private final Channels channels = new Channels();
    private final SerializationRecording recording = new SerializationRecording();
    private final AtomicLong callIds = new AtomicLong();
    private final SerializerCalls serializerCalls = new SerializerCalls();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    public ProbeCore(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** Installs the modules in order, then starts following JFR. */
    public void install(List<InstrumentationModule> modules) {
        for (InstrumentationModule module : modules) {
            try {
                module.install(this);
            } catch (Throwable t) {
                errors.report(module.name() + " instrumentation", t);
            }
        }
        recording.start();
    }

    /**
     * The configuration every instrumentation installs its advice with: bootstrap classes included,
     * loaded classes retransformed (attach), no class format changes, and never our own classes.
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
    public AgentBuilder agentBuilder() {
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
