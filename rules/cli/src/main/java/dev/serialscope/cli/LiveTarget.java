package dev.serialscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * A running JVM that {@code top} watches: attached through the Attach API, given the SerialScope agent unless it
 * has one already, and reached over JMX through its local management agent (started on request, as jcmd and
 * JConsole do; it only listens for local processes of the same user).
 */
final class LiveTarget implements AutoCloseable {

    /** The JVM refused the agent, its management agent or Flight Recorder. */
    static final int REFUSED = 4;
    /** Set by the agent once it is installed (dev.serialscope.probe.Agent.LOADED_PROPERTY). */
    private static final String AGENT_LOADED = "serialscope.agent.loaded";
    /** The main class of {@code java Program.java}. */
    private static final String SOURCE_LAUNCHER = "com.sun.tools.javac.launcher.Main";

    private final long pid;
    private final String mainClass;
    private final boolean agentLoadedNow;
    private final JMXConnector connector;

    private LiveTarget(long pid, String mainClass, boolean agentLoadedNow, JMXConnector connector) {
        this.pid = pid;
        this.mainClass = mainClass;
        this.agentLoadedNow = agentLoadedNow;
        this.connector = connector;
    }

    /** {@code agentJar}: loaded into the JVM when it has no SerialScope agent yet; null when none is at hand. */
    static LiveTarget attach(long pid, Path agentJar) throws CliException {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw CliException.input("no such process: " + pid + " (jps lists the running JVMs)");
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(String.valueOf(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw CliException.input("JVM " + pid + " is not attachable: " + e.getMessage()
                    + " (is it a HotSpot JVM of version 17 or later, run by your user, without -XX:+DisableAttachMechanism?)");
        }
        try {
            Properties properties = vm.getSystemProperties();
            boolean loadNow = !Boolean.parseBoolean(properties.getProperty(AGENT_LOADED));
            if (loadNow) {
                loadAgent(vm, pid, agentJar);
            }
            String address = vm.startLocalManagementAgent();
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new LiveTarget(pid, mainClass(properties), loadNow, connector);
        } catch (IOException e) {
            throw new CliException(REFUSED, "JVM " + pid + " refused its local management agent: " + e.getMessage(), e);
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // The attach connection is gone already; the JMX connection does not depend on it.
            }
        }
    }

    private static void loadAgent(VirtualMachine vm, long pid, Path agentJar) throws CliException, IOException {
        if (agentJar == null || !Files.isRegularFile(agentJar)) {
            throw CliException.input("JVM " + pid + " has no SerialScope agent and no agent jar was given: use --agent "
                    + "probe/target/serialscope-agent.jar (./serialscope top passes it)");
        }
        try {
            vm.loadAgent(agentJar.toAbsolutePath().toString(), "");
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new CliException(REFUSED, "JVM " + pid + " refused the SerialScope agent: " + e.getMessage(), e);
        }
    }

    /** The main class or jar, from the launcher's command line, as jps shows it; the file of a source program. */
    private static String mainClass(Properties properties) {
        String[] command = properties.getProperty("sun.java.command", "").strip().split("\\s+");
        boolean sourceLauncher = command[0].endsWith(SOURCE_LAUNCHER) && command.length > 1;
        return sourceLauncher ? command[1] : command[0];
    }

    long pid() {
        return pid;
    }

    String mainClass() {
        return mainClass;
    }

    /** Whether this session loaded the agent (it stays loaded, idle, when the session ends). */
    boolean agentLoadedNow() {
        return agentLoadedNow;
    }

    MBeanServerConnection connection() throws CliException {
        try {
            return connector.getMBeanServerConnection();
        } catch (IOException e) {
            throw new CliException(REFUSED, "lost the JMX connection to JVM " + pid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // The target has exited or closed the connection: nothing is left to release.
        }
    }
}
