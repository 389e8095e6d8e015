package dev.serialscope.probe.framework;

import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.ProbeCore;
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
        Sites sites = new Sites(probe.add(framework));
        instrument(core.agentBuilder(), sites).installOn(core.instrumentation());
    }

    /** Adds the library's types and advice to {@code builder}, the advice bound to {@code sites}. */
    protected abstract AgentBuilder instrument(AgentBuilder builder, Sites sites);
}
