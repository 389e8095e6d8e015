package dev.serialscope.probe.framework;


import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.ProbeCore;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * A third-party serializer, instrumented by class and method name only: the agent has no
 * dependency on it and does nothing when it is absent. A subclass says which methods are calls of
 * which {@link Sites kind}; measuring them is the shared {@link FrameworkProbe}'s job.
 */
public abstract class FrameworkInstrumentation implements InstrumentationModule {

    private final String library;
    private final String framework;

    /** {@code library} as the user reads it ("Kryo"), {@code framework} as the events' field spells it ("kryo"). */
    protected FrameworkInstrumentation(String library, String framework) {
        this.library = library;
        this.framework = framework;
    }

    @Override
    public final String name() {
        return library;
    }

    @Override
    public final void install(ProbeCore core) {
        FrameworkProbe probe = core.shared(FrameworkProbe.class, FrameworkProbe::install);
        Map<String, AgentBuilder.Transformer> advice = new HashMap<>();
        traceAdvice(advice);
        Sites sites = new Sites(probe.add(framework, tracedAs(), advice));
        instrument(core, sites);
    }

    /** How the library's sampled writes are traced for composition events; {@link TracedAs#NONE} unless overridden. */
    protected TracedAs tracedAs() {
        return TracedAs.NONE;
    }

    /**
     * Adds the advice that traces a sampled write field by field, by the exact name of the class it goes into: it
     * is added only when a recording first asks for composition events. None unless overridden.
     */
    protected void traceAdvice(Map<String, AgentBuilder.Transformer> advice) {
    }

    /** Adds the library's advice, bound to {@code sites}, with {@link ProbeCore#transform}. */
    protected abstract void instrument(ProbeCore core, Sites sites);
}
