package dev.serialscope.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.Fixtures.Point;
import dev.serialscope.e2e.programs.Hammer;
import dev.serialscope.e2e.programs.LiveWorkload;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code serialscope top} on running JVMs, through the launcher: {@code --once --format json} totals against what
 * the program counted itself (into a JVM without the agent, which top loads), an interactive session in a
 * pseudo-terminal (util-linux {@code script}) that redraws and detaches on q from a JVM that has the agent from
 * -javaagent, leaving it running with no recording, and the one-line errors with their exit codes (attach disabled,
 * dynamic agent loading disabled, a process that is not a JVM, no process, bad usage, no or too small a terminal).
 */
class TopE2ETest {

    private static final long TIMEOUT_SECONDS = 120;
    private static final String WATCHING = "[serialscope] top: watching JVM";
    private static final String REDRAW = "\033[H\033[2J";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void onceJsonCountsEveryCallOfTheInterval(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir);
        ChildJvm.Started started = child.start(LiveWorkload.class, child.expectationFile().toString());
        started.awaitLine("ready");
        Session top = Session.start(jdk, dir, List.of(Launcher.script().toString(), "top", String.valueOf(started.pid()),
                "--once", "--interval", "10s", "--format", "json"));
        top.awaitStderr(WATCHING);
        Files.createFile(dir.resolve("go"));
        started.awaitLine("done");
        top.finish();
        Files.createFile(dir.resolve("stop"));
        ChildRun run = started.finish().assertSucceeded();

        assertEquals(0, top.exitCode(), top.describe());
        JsonNode window = new ObjectMapper().readTree(top.stdout());
        List<ExpectedCall> calls = run.expectations().calls();
        String point = Point.class.getName();
        JsonNode writes = row(window, "write", point);
        JsonNode reads = row(window, "read", point);
        assertAll(
                () -> assertEquals(2 * LiveWorkload.POINTS, calls.size(), "the program's own log"),
                () -> assertEquals("class", window.path("by").asText()),
                () -> assertEquals(10, window.path("seconds").asInt()),
                () -> assertEquals(LiveWorkload.POINTS, writes.path("calls").asLong(), writes.toString()),
                () -> assertEquals(bytes(calls, ExpectedCall.SERIALIZATION), writes.path("bytes").asLong(), writes.toString()),
                () -> assertEquals(LiveWorkload.POINTS, reads.path("calls").asLong(), reads.toString()),
                () -> assertEquals(bytes(calls, ExpectedCall.DESERIALIZATION), reads.path("bytes").asLong(), reads.toString()),
                () -> assertEquals(LiveWorkload.POINTS / 10.0, writes.path("callsPerSecond").asDouble(), 1e-9),
                () -> assertTrue(top.stderr().contains("agent loaded now"), top.stderr()),
                () -> assertTrue(top.stderr().contains("top: detached from JVM"), top.stderr()),
                () -> assertEquals(List.of(), run.stderr().lines().filter(line -> line.contains("[serialscope]")).toList(),
                        "the agent reported a problem"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void sessionInAPseudoTerminalRedrawsAndDetachesOnQ(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent();
        ChildJvm.Started started = child.start(Hammer.class, "2", "0");
        started.awaitLine("ready");
        Session top = Session.inTerminal(jdk, dir, 30, 120, "top " + started.pid());
        top.awaitStdout(screen -> count(screen, REDRAW) >= 3 && screen.contains("java.lang.String"));
        top.type("q");
        top.finish();
        String recordings = jcmd(jdk, started.pid(), "JFR.check");
        boolean runningAfterwards = ProcessHandle.of(started.pid()).map(ProcessHandle::isAlive).orElse(false);
        Files.createFile(dir.resolve("stop"));
        ChildRun run = started.finish().assertSucceeded();

        String screen = top.stdout();
        assertAll(
                () -> assertEquals(0, top.exitCode(), top.describe()),
                () -> assertTrue(screen.contains("\033[?1049h") && screen.contains("\033[?1049l"),
                        "the session takes the alternate screen and gives it back:\n" + screen),
                () -> assertTrue(screen.contains("CALLS/S") && screen.contains("q quits"), screen),
                () -> assertTrue(screen.contains("its agent was loaded already"), "reuses the -javaagent agent:\n" + screen),
                () -> assertTrue(screen.contains("top: detached from JVM " + started.pid()), screen),
                () -> assertTrue(runningAfterwards, "the JVM runs on after the session"),
                () -> assertTrue(recordings.contains("No available recordings"), "the session's recording is closed:\n"
                        + recordings),
                () -> assertTrue(run.stdout().contains("mismatches 0"), run.stdout()),
                () -> assertEquals(List.of(), run.stderr().lines().filter(line -> line.contains("[serialscope]")).toList(),
                        "the agent reported a problem"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void mistakesAreOneLineWithTheirExitCodes(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).options("-XX:+DisableAttachMechanism");
        ChildJvm.Started started = child.start(Hammer.class, "1", "0");
        Path refusingDir = Files.createDirectory(dir.resolve("refusing"));
        ChildJvm.Started refusing = ChildJvm.on(jdk, refusingDir).options("-XX:-EnableDynamicAgentLoading")
                .start(Hammer.class, "1", "0");
        Process notAJvm = new ProcessBuilder("sleep", String.valueOf(TIMEOUT_SECONDS)).start();
        started.awaitLine("ready");
        refusing.awaitLine("ready");
        Launcher.Result notAttachable = Launcher.run(jdk, dir, TIMEOUT_SECONDS, "top", String.valueOf(started.pid()), "--once");
        Launcher.Result refused = Launcher.run(jdk, dir, TIMEOUT_SECONDS, "top", String.valueOf(refusing.pid()), "--once");
        Launcher.Result notJava = Launcher.run(jdk, dir, TIMEOUT_SECONDS, "top", String.valueOf(notAJvm.pid()), "--once");
        boolean notAJvmAlive = notAJvm.isAlive();
        notAJvm.destroy();
        Session small = Session.inTerminal(jdk, dir, 6, 40, "top " + started.pid());
        small.finish();
        Files.createFile(dir.resolve("stop"));
        Files.createFile(refusingDir.resolve("stop"));
        started.finish().assertSucceeded();
        ChildRun refusingRun = refusing.finish().assertSucceeded();
        Launcher.Result noProcess = Launcher.run(jdk, dir, TIMEOUT_SECONDS, "top", String.valueOf(started.pid()), "--once");
        Launcher.Result badInterval = Launcher.run(jdk, dir, TIMEOUT_SECONDS, "top", "1", "--interval", "0.5s");
        Launcher.Result notATerminal = Launcher.run(jdk, dir, TIMEOUT_SECONDS, "top", String.valueOf(ProcessHandle.current().pid()));

        assertAll(
                () -> assertOneLine(notAttachable, 3, "is not attachable"),
                () -> assertOneLine(refused, 4, "JVM " + refusing.pid() + " refused the SerialScope agent"),
                () -> assertFalse(refusingRun.stderr().contains("[serialscope]"), "no agent ran:\n" + refusingRun.stderr()),
                () -> assertOneLine(notJava, 3, notAJvm.pid() + " is not attachable"),
                () -> assertTrue(notAJvmAlive, "the process that is not a JVM runs on after the attempt"),
                () -> assertOneLine(noProcess, 3, "no such process: " + started.pid()),
                () -> assertOneLine(badInterval, 2, "--interval 0.5s: give whole seconds or minutes"),
                () -> assertOneLine(notATerminal, 5, "top needs a terminal: use --once"),
                () -> assertEquals(5, small.exitCode(), small.describe()),
                () -> assertTrue(small.stdout().contains("terminal too small: 40x6, top needs 72x8"), small.describe()));
    }

    private static void assertOneLine(Launcher.Result result, int exitCode, String message) {
        assertEquals(exitCode, result.exitCode(), result.describe());
        List<String> lines = result.stderr().lines().filter(line -> !line.startsWith("[serialscope] building")
                && !line.isBlank() && !line.startsWith("\033")).toList();
        assertEquals(1, lines.size(), result.describe());
        assertTrue(lines.get(0).startsWith("serialscope: ") && lines.get(0).contains(message), result.describe());
    }

    private static JsonNode row(JsonNode window, String direction, String key) {
        for (JsonNode row : window.path("rows")) {
            if (row.path("direction").asText().equals(direction) && row.path("key").asText().equals(key)) {
                return row;
            }
        }
        fail("no " + direction + " row of " + key + " in\n" + window.toPrettyString());
        return null;
    }

    /** The bytes of the program's own calls of one event type. */
    static long bytes(List<ExpectedCall> calls, String event) {
        return calls.stream().filter(call -> call.event().equals(event)).mapToLong(call -> {
            assertNotNull(call.bytes(), call.toString());
            return call.bytes();
        }).sum();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    static String jcmd(Jdk jdk, long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jdk.home().resolve("bin").resolve("jcmd").toString(), String.valueOf(pid),
                command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "jcmd did not finish");
        return output;
    }

    /** The launcher running in the background, its output in files, optionally in a pseudo-terminal. */
    private static final class Session {
        private final List<String> command;
        private final Process process;
        private final Path stdout;
        private final Path stderr;

        private Session(List<String> command, Process process, Path stdout, Path stderr) {
            this.command = command;
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        static Session start(Jdk jdk, Path dir, List<String> command) throws IOException {
            Path out = Files.createTempFile(dir, "top-", ".out");
            Path err = Files.createTempFile(dir, "top-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("JAVA_HOME", jdk.home().toString());
            return new Session(command, builder.start(), out, err);
        }

        /** The launcher with these arguments in a terminal of the given size (script(1) keeps stdin a pipe to it). */
        static Session inTerminal(Jdk jdk, Path dir, int lines, int columns, String arguments) throws IOException {
            String shell = "stty rows " + lines + " cols " + columns + "; exec '" + Launcher.script() + "' " + arguments;
            return start(jdk, dir, List.of("script", "-q", "-e", "-c", shell, "/dev/null"));
        }

        void type(String keys) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write(keys.getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        void awaitStderr(String part) throws IOException, InterruptedException {
            await(() -> read(stderr), text -> text.contains(part), "print " + part + " on stderr");
        }

        void awaitStdout(Predicate<String> condition) throws IOException, InterruptedException {
            await(() -> read(stdout), condition, "draw the expected screens");
        }

        private void await(TextSource source, Predicate<String> condition, String what)
                throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!condition.test(source.read())) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    fail("top did not " + what + "\n" + describe());
                }
                Thread.sleep(100);
            }
        }

        void finish() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                fail("top did not finish within " + TIMEOUT_SECONDS + " s\n" + describe());
            }
        }

        int exitCode() {
            return process.exitValue();
        }

        String stdout() throws IOException {
            return read(stdout);
        }

        String stderr() throws IOException {
            return read(stderr);
        }

        String describe() throws IOException {
            return String.join(" ", command) + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
        }

        private static String read(Path file) throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }

        @FunctionalInterface
        private interface TextSource {
            String read() throws IOException;
        }
    }
}
