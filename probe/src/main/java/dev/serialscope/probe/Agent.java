package dev.serialscope.probe;

import dev.serialscope.probe.core.BootClasses;
import java.lang.instrument.Instrumentation;

/**
 * Entry point for {@code -javaagent} and dynamic attach. Whatever goes wrong here is reported in
 * one line and leaves the application running without the agent.
 */
public final class Agent {

    /**
     * Set once the agent is installed, so that a tool attaching later (serialscope top) sees through the
     * Attach API's system properties that it can reuse this agent instead of loading a second one.
     */
    public static final String LOADED_PROPERTY = "serialscope.agent.loaded";

    private Agent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, true);
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, false);
    }

    private static void start(String options, Instrumentation instrumentation, boolean atStartup) {
        try {
            AgentOptions parsed = AgentOptions.parse(options);
            if (BootClasses.alreadyInjected()) {
                System.err.println("[serialscope] agent already loaded in this JVM; not installing it twice"
                        + (parsed.metrics() ? " (metrics=jmx only takes effect when the agent is first loaded)" : ""));
            } else {
                BootClasses.inject(instrumentation);
                // Installer refers to the injected classes, so it may only be linked from here on.
                Installer.install(instrumentation, atStartup, parsed.metrics());
                System.setProperty(LOADED_PROPERTY, "true");
            }
            if (parsed.record() != null) {
                AttachedRecording.start(parsed);
            }
        } catch (Throwable t) {
            System.err.println("[serialscope] agent not started: " + t);
        }
    }
}
