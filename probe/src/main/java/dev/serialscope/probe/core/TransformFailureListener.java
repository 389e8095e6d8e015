package dev.serialscope.probe.core;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/** A class we could not instrument is reported once; the JVM goes on with the original class. */
final class TransformFailureListener extends AgentBuilder.Listener.Adapter {

    private final ProbeErrors errors;

    TransformFailureListener(ProbeErrors errors) {
        this.errors = errors;
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
        errors.report("instrumentation of " + typeName, throwable);
    }
}
