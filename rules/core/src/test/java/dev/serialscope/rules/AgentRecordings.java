package dev.serialscope.rules;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import dev.serialscope.samples.Samples;

/**
 * Real recordings: a sample program run in a child JVM with the SerialScope agent and a recording,
 * as {@code ./serialscope record} does it. Made once per test JVM. Needs the agent jar
 * (probe/target/serialscope-agent.jar, built before this module); tests are skipped without it.
 */
public final class AgentRecordings {

    private static final Path AGENT = Path.of("..", "..", "probe", "target", "serialscope-agent.jar").toAbsolutePath()
            .normalize();
    private static final Path PROFILES = Path.of("..", "..", "events", "src", "main", "resources", "dev", "serialscope",
            "events").toAbsolutePath().normalize();
    private static final Map<String, Path> FILES = new HashMap<>();
    private static final Map<Path, IItemCollection> LOADED = new HashMap<>();

    private AgentRecordings() {
    }

    /** The recording of {@code dev.serialscope.samples.<sample>} with the given profile and arguments. */
    public static synchronized Path of(String sample, String profile, String... args) {
        assumeTrue(Files.isRegularFile(AGENT), "no agent jar at " + AGENT + ": build probe first");
        String key = sample + "-" + profile + (args.length == 0 ? "" : "-" + String.join("-", args));
        Path file = FILES.get(key);
        if (file == null) {
            file = record(key, sample, profile, args);
            FILES.put(key, file);
        }
        return file;
    }

    /** The same, parsed with JMC's parser. */
    public static synchronized IItemCollection load(String sample, String profile, String... args) {
        return LOADED.computeIfAbsent(of(sample, profile, args), path -> {
            try {
                return JfrLoaderToolkit.loadEvents(path.toFile());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Path record(String key, String sample, String profile, String... args) {
        Path file = Recordings.directory().resolve("agent-" + key + ".jfr");
        Path log = Recordings.directory().resolve("agent-" + key + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + AGENT,
                "-XX:StartFlightRecording:filename=" + file + ",settings=default,settings="
                        + PROFILES.resolve(profile + ".jfc") + ",dumponexit=true",
                "-cp", samplesJar(),
                "dev.serialscope.samples." + sample));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(sample + " did not finish; see " + log);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(file)) {
                throw new IllegalStateException(sample + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static String samplesJar() {
        try {
            return Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
