package dev.serialscope.probe.javaserial;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.core.ProbeErrors;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Adds the per-object tracing advice to ObjectOutputStream the first time a recording enables
 * composition events, and never before: until then writing an object costs nothing extra, not
 * even the check whether the current thread is tracing. ObjectOutputStream is retransformed once;
 * the advice stays (a check per object) for the rest of the JVM's life.
 */
final class TracingInstaller {

    private static final String OBJECT_OUTPUT_STREAM = "java.io.ObjectOutputStream";

    private final ProbeCore core;
    private final ProbeErrors errors;
    private boolean attempted;
    private volatile boolean installed;

    TracingInstaller(ProbeCore core) {
        this.core = core;
        this.errors = core.errors();
    }

    boolean installed() {
        return installed;
    }

    /**
     * Installs the advice unless already tried; returns whether it is in place, or will be when
     * ObjectOutputStream loads: a recording that starts with the JVM finds it not loaded yet, and
     * loading it then (to retransform it at once) would make every JVM's start-up pay for
     * instrumenting it twice.
     */
    synchronized boolean install() {
        if (attempted) {
            return installed;
        }
        attempted = true;
        Outcome outcome = new Outcome();
        try {
            boolean loaded = isLoaded();
            core.agentBuilder(outcome)
                    .type(named(OBJECT_OUTPUT_STREAM))
                    .transform(TracingInstaller::objectOutputStream)
                    .installOn(core.instrumentation());
            installed = !outcome.failed && (outcome.transformed || !loaded);
        } catch (Throwable t) {
            errors.report("instrumentation of java.io.ObjectOutputStream for composition tracing", t);
        }
        return installed;
    }

    private boolean isLoaded() {
        for (Class<?> type : core.instrumentation().getAllLoadedClasses()) {
            if (type.getName().equals(OBJECT_OUTPUT_STREAM) && type.getClassLoader() == null) {
                return true;
            }
        }
        return false;
    }

    private static DynamicType.Builder<?> objectOutputStream(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        return builder
                .visit(Advice.to(TraceObjectAdvice.class).on(named("writeObject0")))
                .visit(Advice.to(TraceFieldsAdvice.class).on(named("defaultWriteFields")));
    }

    private final class Outcome extends AgentBuilder.Listener.Adapter {
        boolean transformed;
        boolean failed;

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            transformed = true;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable failure) {
            failed = true;
            installed = false;
            errors.report("instrumentation of " + typeName + " for composition tracing", failure);
        }
    }
}
