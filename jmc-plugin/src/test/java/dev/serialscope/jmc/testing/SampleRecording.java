package dev.serialscope.jmc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Real recordings of the SerialScope samples, made the way the README tells users to make them: a child JVM
 * (this JVM's java.home) runs a sample with the real agent jar under {@code -XX:StartFlightRecording} with the
 * JDK's default settings plus SerialScope's diagnose (every call) or production profile. Each recording is made once per test JVM and
 * kept in target/recordings/ together with the child's output.
 *
 * <p>Surefire passes the agent jar, the profile and the samples jar as system properties (see the pom); the
 * reactor builds probe and samples before this module.
 */
public final class SampleRecording {

    /** The package of the sample programs in the samples jar. */
    public static final String SAMPLES_PACKAGE = "dev.serialscope.samples.";

    private static final long TIMEOUT_SECONDS = 120;
    private static final Map<String, Path> RECORDINGS = new HashMap<>();

    private SampleRecording() {
    }

    /** The profile that records every call; the production profile records large or slow calls alone. */
    public static final String DIAGNOSE = "diagnose";
    public static final String PRODUCTION = "production";

    /** A recording of one sample, e.g. {@code "RepeatedObject"}, run as its own main class. */
    public static Path of(String sample) {
        return record(sample, DIAGNOSE, List.of(SAMPLES_PACKAGE + sample));
    }

    /**
     * A recording of several samples run one after another in one JVM by {@link SampleSequence}.
     *
     * @param name the recording's file name without ".jfr"; the view shows it
     */
    public static Path inOneJvm(String name, String... samples) {
        return inOneJvm(name, DIAGNOSE, samples);
    }

    /** As {@link #inOneJvm(String, String...)}, with {@link #DIAGNOSE} or {@link #PRODUCTION}. */
    public static Path inOneJvm(String name, String profile, String... samples) {
        List<String> arguments = new ArrayList<>();
        arguments.add(SampleSequence.class.getName());
        for (String sample : samples) {
            arguments.add(SAMPLES_PACKAGE + sample);
        }
        return record(name, profile, arguments);
    }

    private static synchronized Path record(String name, String profile, List<String> mainAndArguments) {
        Path recording = RECORDINGS.get(name);
        if (recording == null) {
            recording = runRecorded(name, profile, mainAndArguments);
            RECORDINGS.put(name, recording);
        }
        return recording;
    }

    private static Path runRecorded(String name, String profileName, List<String> mainAndArguments) {
        Path agent = existing("serialscope.agent", "../probe/target/serialscope-agent.jar");
        // The build writes both profiles next to each other; the property names the diagnose one.
        Path profile = existing("serialscope.profile", "../probe/target/diagnose.jfc")
                .resolveSibling(profileName + ".jfc");
        Path samples = existing("serialscope.samples", "../samples/target/serialscope-samples-0.1.0-SNAPSHOT.jar");
        Path directory = TestOutput.directory().resolve("recordings");
        Path recording = directory.resolve(name + ".jfr");
        Path log = directory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent,
                "-XX:StartFlightRecording:filename=" + recording + ",settings=default,settings=" + profile
                        + ",dumponexit=true",
                "-Xlog:jfr+startup=error",
                "-cp", samples + java.io.File.pathSeparator + ownClasses()));
        command.addAll(mainAndArguments);
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(recording);
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError(name + " did not finish within " + TIMEOUT_SECONDS + " s; output in " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (child.exitValue() != 0 || !Files.exists(recording)) {
                throw new AssertionError(name + " exited with " + child.exitValue() + " (command " + command
                        + "):\n" + output);
            }
            Map<String, Integer> ours = serialScopeEventCounts(recording);
            if (!ours.containsKey("serialscope.Serialization")) {
                throw new AssertionError(name + ": the recording has no serialscope.Serialization events (did the"
                        + " agent start?), only " + ours + "; child output:\n" + output);
            }
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many events of each serialscope.* type the recording holds. */
    public static Map<String, Integer> serialScopeEventCounts(Path recording) throws IOException {
        return RecordingFile.readAllEvents(recording).stream().map(RecordedEvent::getEventType)
                .map(type -> type.getName()).filter(type -> type.startsWith("serialscope."))
                .collect(Collectors.toMap(type -> type, type -> 1, Integer::sum, TreeMap::new));
    }

    private static Path existing(String property, String besideThisModule) {
        Path path = Path.of(System.getProperty(property, besideThisModule)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("Missing " + path + " (system property " + property + "): build the agent and"
                    + " the samples first, e.g. mvn -B -pl jmc-plugin -am install, or mvn -B install -DskipTests"
                    + " in probe/ and samples/");
        }
        return path;
    }

    /** Where {@link SampleSequence} was compiled to: target/test-classes. */
    private static Path ownClasses() {
        try {
            return Path.of(SampleSequence.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
