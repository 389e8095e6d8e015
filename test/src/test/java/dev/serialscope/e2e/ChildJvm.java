package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectationLog;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Launches one real JVM the way a user would: java -javaagent:serialscope-agent.jar
 * -XX:StartFlightRecording:...,settings=default,settings=our.jfc -cp ... Main. Output goes to
 * files in the test's temporary directory, which is also the child's working directory.
 */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 120;

    private final Jdk jdk;
    private final Path dir;
    private boolean agent;
    private Profile profile;
    private String classPath = codeSourceOf(ExpectationLog.class).toString();
    private final List<String> extraOptions = new ArrayList<>();
    private long timeoutSeconds = TIMEOUT_SECONDS;

    private ChildJvm(Jdk jdk, Path dir) {
        this.jdk = jdk;
        this.dir = dir;
    }

    static ChildJvm on(Jdk jdk, Path dir) {
        assertTrue(jdk.exists(), "no java at " + jdk.java() + ": the end-to-end tests must run on JDK 17 and 25;"
                + " install it, set " + Jdks.JAVA25_HOME + ", or name the JDKs to use with -D" + Jdks.PROPERTY + "=home1,home2");
        return new ChildJvm(jdk, dir);
    }

    ChildJvm withAgent() {
        agent = true;
        return this;
    }

    ChildJvm recording(Profile settings) {
        profile = settings;
        return this;
    }

    /** More JVM options, after the agent and recording options (e.g. -Xverify:all, -Dkey=value). */
    ChildJvm options(String... options) {
        extraOptions.addAll(List.of(options));
        return this;
    }

    ChildJvm timeoutSeconds(long seconds) {
        timeoutSeconds = seconds;
        return this;
    }

    Path dir() {
        return dir;
    }

    /** The child's class path: where these classes come from; by default this module's test classes (the programs). */
    ChildJvm classPathOf(Class<?>... classes) {
        classPath = Arrays.stream(classes).map(type -> codeSourceOf(type).toString())
                .collect(Collectors.joining(File.pathSeparator));
        return this;
    }

    /**
     * This module's test classes and its whole test class path (target/test.classpath, written by the build), for a
     * program that needs a library's whole tree (Spark), without the entries {@code leftOut} accepts.
     */
    ChildJvm testClassPathWithout(Predicate<String> leftOut) throws IOException {
        Path file = Path.of(System.getProperty("serialscope.test.classPathFile", "(serialscope.test.classPathFile not set)"));
        assertTrue(Files.isRegularFile(file), "test class path not found: " + file
                + " (the test module's build writes it in generate-test-resources)");
        List<String> entries = new ArrayList<>(List.of(codeSourceOf(ExpectationLog.class).toString()));
        Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).strip().split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !leftOut.test(entry)).forEach(entries::add);
        classPath = String.join(File.pathSeparator, entries);
        return this;
    }

    /** Where a class is loaded from, as a class path entry. */
    static String classPathEntryOf(Class<?> type) {
        return codeSourceOf(type).toString();
    }

    Path expectationFile() {
        return dir.resolve("expected.log");
    }

    /** The agent and recording options, also for a program that starts a JVM of its own. */
    List<String> jvmOptions(Path recordingFile) {
        List<String> options = new ArrayList<>();
        if (agent) {
            options.add("-javaagent:" + agentJar());
        }
        if (profile != null) {
            options.add("-XX:StartFlightRecording:filename=" + recordingFile + ",dumponexit=true"
                    + ",settings=default,settings=" + profile.settingsFile());
            // JFR announces the recording on stdout, which the programs use for output and data.
            options.add("-Xlog:jfr+startup=error");
        }
        return options;
    }

    ChildRun run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return start(mainClass, args).finish();
    }

    /** Starts the child and returns at once, for tests that act on a running JVM (attach). */
    Started start(Class<?> mainClass, String... args) throws IOException {
        Path recordingFile = dir.resolve("recording.jfr");
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvmOptions(recordingFile));
        command.addAll(extraOptions);
        command.addAll(List.of("-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        process.getOutputStream().close(); // the programs read no stdin
        String description = mainClass.getSimpleName() + " on " + jdk + (agent ? " with" : " without") + " the agent";
        return new Started(process, description + "\n" + String.join(" ", command), recordingFile);
    }

    /** A child JVM that has been started and not yet waited for. */
    final class Started {
        private final Process process;
        private final String description;
        private final Path recordingFile;

        private Started(Process process, String description, Path recordingFile) {
            this.process = process;
            this.description = description;
            this.recordingFile = recordingFile;
        }

        long pid() {
            return process.pid();
        }

        String stdout() throws IOException {
            return read(dir.resolve("stdout.txt"));
        }

        String stderr() throws IOException {
            return read(dir.resolve("stderr.txt"));
        }

        /** Waits until the child printed {@code line} on stdout (fails if it exits or takes too long). */
        void awaitLine(String line) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!stdout().lines().anyMatch(line::equals)) {
                if (!process.isAlive()) {
                    fail(description + " exited before printing " + line + "\n" + output());
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    fail(description + " did not print " + line + " within " + timeoutSeconds + " s\n" + output());
                }
                Thread.sleep(50);
            }
        }

        ChildRun finish() throws IOException, InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                kill();
                fail(description + " did not finish within " + timeoutSeconds + " s\n" + output());
            }
            return new ChildRun(description, process.exitValue(), stdout(), stderr(), recordingFile,
                    ExpectationLog.at(expectationFile()));
        }

        private void kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }

        private String output() throws IOException {
            return "--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
        }
    }

    private static Path agentJar() {
        Path jar = Path.of(System.getProperty("serialscope.agent", "(serialscope.agent not set)"));
        assertTrue(Files.isRegularFile(jar), "agent jar not found: " + jar
                + " (build it with: mvn -B -pl events,probe install -DskipTests)");
        return jar;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
