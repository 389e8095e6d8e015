package dev.serialscope.probe.framework;

import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.ProbeCore;

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
        instrument(core, sites);
    }

    /** Adds the library's advice, bound to {@code sites}, with {@link ProbeCore#transform}. */
    protected abstract void instrument(ProbeCore core, Sites sites);
}
