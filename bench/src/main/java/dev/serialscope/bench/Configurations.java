package dev.serialscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JVM arguments of each fork configuration, by name; the first of each set is the baseline. */
final class Configurations {

    private static final String QUIET = "-Xlog:jfr+startup=error";
    private static final String EVERY_CALL_TRACED = "agent, production profile, every call traced";
    private static final String WITHOUT_CLASS_SET = "agent, production profile without the class set";
    private static final String WITHOUT_COMPOSITION = "agent, production profile without composition events";
    private static final String JDK_DEFAULT_RECORDING = "no agent, recording with JDK default settings";

    private Configurations() {
    }

    /** The agent's configurations, for the serialization benchmarks. */
    static Map<String, List<String>> agent(String agent, Path profiles, int jdk) throws IOException {
        String javaagent = "-javaagent:" + agent;
        StringBuilder off = new StringBuilder();
        for (String event : List.of("Serialization", "Deserialization", "SerializationStatistics", "SerializationSizes",
                "StatisticsFlush",
                "SerializationComposition", "ChannelStatistics", "ChannelStatisticsFlush", "ChannelIO", "RmiCall",
                "DeserializedClass", "DeserializationLimits")) {
            off.append(event(event, Map.of("enabled", "false")));
        }
        Path oursOff = settingsFile("serialscope-off-", configuration(off.toString()));
        Map<String, List<String>> configurations = new LinkedHashMap<>();
        configurations.put("no agent", List.of());
        // What the production profile adds is judged against this: JFR's own default recording, no agent.
        configurations.put(JDK_DEFAULT_RECORDING, List.of(QUIET, "-XX:StartFlightRecording:settings=default"));
        configurations.put("agent, no recording", List.of(javaagent));
        // Agent option metrics=jmx: the statistics counted with no recording, for JMX (every call timed, the default).
        configurations.put("agent, metrics=jmx, no recording", List.of(javaagent + "=metrics=jmx"));
        configurations.put("agent, recording without our events", List.of(javaagent, QUIET,
                "-XX:StartFlightRecording:settings=default,settings=" + oursOff));
        configurations.put("agent, production profile", List.of(javaagent, QUIET,
                "-XX:StartFlightRecording:settings=default,settings=" + profiles.resolve("production.jfc")));
        String production = Files.readString(profiles.resolve("production.jfc"));
        // Without the class set for serial filters: the difference to the production profile is its cost.
        Path withoutClassSet = settingsFile("serialscope-no-class-set-", production
                .replace(enabledEvent("DeserializedClass"), disabledEvent("DeserializedClass"))
                .replace(enabledEvent("DeserializationLimits"), disabledEvent("DeserializationLimits")));
        configurations.put(WITHOUT_CLASS_SET, List.of(javaagent, QUIET,
                "-XX:StartFlightRecording:settings=default,settings=" + withoutClassSet));
        configurations.put("agent, diagnose profile", List.of(javaagent, QUIET,
                "-XX:StartFlightRecording:settings=default,settings=" + profiles.resolve("diagnose.jfc")));
        // The production profile with every call traced field by field: the difference to the production
        // profile is what one traced (sampled) call costs.
        Path everyCallTraced = settingsFile("serialscope-traced-", production
                .replace("<setting name=\"sampling\">1/s</setting>", "<setting name=\"sampling\">all</setting>")
                .replace("<setting name=\"sizeFloor\">64 KiB</setting>", "<setting name=\"sizeFloor\">0 B</setting>"));
        configurations.put(EVERY_CALL_TRACED, List.of(javaagent, QUIET,
                "-XX:StartFlightRecording:settings=default,settings=" + everyCallTraced));
        if (jdk >= 25) {
            // JEP 520: the JDK times writeObject itself (nested calls included), with no agent.
            configurations.put("no agent, JDK method timing of writeObject", List.of(QUIET,
                    "-XX:StartFlightRecording:settings=default,method-timing=java.io.ObjectOutputStream::writeObject"));
        }
        return configurations;
    }

    /**
     * For the framework benchmarks: the agent's configurations without the two that mean nothing for them
     * (their class set is not kept, and JDK method timing of writeObject sees none of them), and with the
     * production profile without composition events: the tracing advice is then never added, so the difference
     * to the production profile is what a call that is not traced pays for it (and the one traced per second).
     */
    static Map<String, List<String>> frameworks(String agent, Path profiles) throws IOException {
        Map<String, List<String>> configurations = agent(agent, profiles, 17);
        configurations.remove(WITHOUT_CLASS_SET);
        Path withoutComposition = settingsFile("serialscope-no-composition-", Files.readString(
                profiles.resolve("production.jfc")).replace(enabledEvent("SerializationComposition"),
                disabledEvent("SerializationComposition")));
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        configurations.forEach((name, options) -> {
            if (name.equals("agent, production profile")) {
                ordered.put(WITHOUT_COMPOSITION, List.of(options.get(0), QUIET,
                        "-XX:StartFlightRecording:settings=default,settings=" + withoutComposition));
            }
            ordered.put(name, options);
        });
        return ordered;
    }

    /**
     * For {@link EventCommitBenchmark}: no agent, a recording of serialscope.Serialization alone (no JDK
     * events), every call written ({@code callThreshold} 0 B is what the agent reads; JFR's own
     * {@code threshold} 0 ms lets a call of any duration through).
     */
    static Map<String, List<String>> eventCommit() throws IOException {
        Map<String, List<String>> configurations = new LinkedHashMap<>();
        configurations.put("event disabled", serializationEvent("false", "false"));
        configurations.put("event, no stack trace", serializationEvent("true", "false"));
        configurations.put("event with stack trace", serializationEvent("true", "true"));
        return configurations;
    }

    private static List<String> serializationEvent(String enabled, String stackTrace) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("enabled", enabled);
        settings.put("stackTrace", stackTrace);
        settings.put("threshold", "0 ms");
        settings.put("callThreshold", "0 B");
        settings.put("contentHash", "false");
        Path file = settingsFile("serialscope-commit-", configuration(event("Serialization", settings)));
        return List.of(QUIET, "-XX:StartFlightRecording:settings=" + file);
    }

    private static String event(String name, Map<String, String> settings) {
        StringBuilder event = new StringBuilder("  <event name=\"serialscope.").append(name).append("\">\n");
        settings.forEach((setting, value) ->
                event.append("    <setting name=\"").append(setting).append("\">").append(value).append("</setting>\n"));
        return event.append("  </event>\n").toString();
    }

    private static String enabledEvent(String name) {
        return "<event name=\"serialscope." + name + "\">\n    <setting name=\"enabled\">true</setting>";
    }

    private static String disabledEvent(String name) {
        return "<event name=\"serialscope." + name + "\">\n    <setting name=\"enabled\">false</setting>";
    }

    private static String configuration(String events) {
        return "<?xml version=\"1.0\"?>\n<configuration version=\"2.0\">\n" + events + "</configuration>\n";
    }

    private static Path settingsFile(String prefix, String content) throws IOException {
        Path file = Files.createTempFile(prefix, ".jfc");
        file.toFile().deleteOnExit();
        return Files.writeString(file, content);
    }
}
