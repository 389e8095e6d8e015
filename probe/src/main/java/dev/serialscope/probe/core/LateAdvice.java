package dev.serialscope.probe.core;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Advice added the first time a recording asks for what it measures, and never before: composition
 * tracing's per-object advice, so that until then writing an object costs nothing extra, not even the
 * check whether the current thread is tracing. The classes already loaded are retransformed once; the
 * advice stays (a check per object) for the rest of the JVM's life, and classes loaded later get it as
 * they load.
 */
public final class LateAdvice {

    private final ProbeCore core;
    private final String purpose;
    private final Map<String, AgentBuilder.Transformer> transformers = new HashMap<>();
    private boolean attempted;
    private volatile boolean installed;

    /** Composition tracing's advice, of every serializer: one instance, installed with one builder. */
    public static LateAdvice compositionTracing(ProbeCore core) {
        return core.shared(LateAdvice.class, c -> new LateAdvice(c, "composition tracing"));
    }

    private LateAdvice(ProbeCore core, String purpose) {
        this.core = core;
        this.purpose = purpose;
    }

    /** Adds {@code advice}, by the exact binary name of the class it transforms; before the first {@link #install}. */
    public synchronized void add(Map<String, AgentBuilder.Transformer> advice) {
        transformers.putAll(advice);
    }

    public boolean installed() {
        return installed;
    }

    /**
     * Installs the advice unless already tried; returns whether it is in place, or will be when the classes
     * load: a recording that starts with the JVM finds them not loaded yet, and loading them then (to
     * retransform them at once) would make every JVM's start-up pay for instrumenting them twice.
     */
    public synchronized boolean install() {
        if (attempted) {
            return installed;
        }
        attempted = true;
        if (transformers.isEmpty()) {
            return false;
        }
        Outcome outcome = new Outcome();
        try {
            int loaded = loadedCount();
            core.agentBuilder(outcome)
                    .type(namedOneOf(transformers.keySet().toArray(new String[0])))
                    .transform(this::transform)
                    .installOn(core.instrumentation());
            installed = !outcome.failed && outcome.transformed >= loaded;
        } catch (Throwable t) {
            core.errors().report("instrumentation for " + purpose, t);
        }
        return installed;
    }

    private int loadedCount() {
        int loaded = 0;
        for (Class<?> type : core.instrumentation().getAllLoadedClasses()) {
            if (transformers.containsKey(type.getName())) {
                loaded++;
            }
        }
        return loaded;
    }

    private synchronized DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        return transformers.get(type.getName()).transform(builder, type, loader, module, domain);
    }

    private final class Outcome extends AgentBuilder.Listener.Adapter {
        int transformed;
        boolean failed;

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            transformed++;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable failure) {
            failed = true;
            installed = false;
            core.errors().report("instrumentation of " + typeName + " for " + purpose, failure);
        }
    }
}
