package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.Hammer;
import dev.serialscope.events.ProbeErrorEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serialscope attach} against {@link Hammer} with 32 threads serializing and deserializing
 * without pause: into a JVM without the agent (the classes are retransformed under the threads'
 * feet: the program's results stay right and the recording has events), and into a JVM that
 * already has the agent from -javaagent (one "already loaded" line; the recording that ran from the
 * start still has every call exactly once while the attach recording starts and stops).
 */
class AttachE2ETest {

    private static final int THREADS = 32;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void attachWhileThirtyTwoThreadsSerialize(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir);
        ChildJvm.Started started = child.start(Hammer.class, String.valueOf(THREADS), "0");
        started.awaitLine("ready");
        Path attached = dir.resolve("attached.jfr");
        Launcher.Result attach = Launcher.run(jdk, dir, 90, "attach", String.valueOf(started.pid()), "-o",
                attached.toString(), "--duration", "2s", "--profile", "diagnose");
        Files.createFile(dir.resolve("stop"));
        ChildRun run = started.finish().assertSucceeded();

        assertEquals(0, attach.exitCode(), attach.describe());
        Recording recording = Recording.read(attached, run);
        List<RecordedEvent> writes = recording.events(ExpectedCall.SERIALIZATION);
        List<RecordedEvent> reads = recording.events(ExpectedCall.DESERIALIZATION);
        assertAll(
                () -> assertEquals(attached.toString(), attach.stdout().strip(), "attach prints the recording's path"),
                () -> assertEquals(THREADS, HammerCheck.counts(run.stdout()).size(), run.stdout()),
                () -> assertTrue(run.stdout().contains("mismatches 0"), "the program's results changed:\n" + run.stdout()),
                () -> assertEquals(List.of(), run.stderr().lines()
                                .filter(line -> line.contains("[serialscope]") && !line.contains("recording (diagnose) to"))
                                .toList(), "the agent reported a problem"),
                () -> assertTrue(writes.size() > 0 && reads.size() > 0,
                        "the attach recording has " + writes.size() + " writes and " + reads.size() + " reads"),
                () -> assertEquals(List.of(), writes.stream().map(event -> event.getLong("bytes"))
                        .filter(bytes -> bytes != -1 && (bytes < 4 || bytes > 203)).distinct().toList(),
                        "write sizes are the strings' sizes, or -1 for streams created before the attach"),
                () -> assertTrue(writes.stream().anyMatch(event -> event.getLong("bytes") >= 4),
                        "streams created after the attach are measured"),
                () -> assertEquals(List.of(), reads.stream().map(event -> event.getLong("bytes"))
                        .filter(bytes -> bytes < 4 || bytes > 203).distinct().toList(), "read sizes"),
                () -> assertEquals(List.of(), recording.events(ProbeErrorEvent.NAME).stream()
                        .map(event -> event.getString("hook")).toList(), "ProbeError events"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void attachToAJvmThatHasTheAgentAlready(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE);
        ChildJvm.Started started = child.start(Hammer.class, String.valueOf(THREADS), "0");
        started.awaitLine("ready");
        Path attached = dir.resolve("attached.jfr");
        Launcher.Result attach = Launcher.run(jdk, dir, 90, "attach", String.valueOf(started.pid()), "-o",
                attached.toString(), "--duration", "2s", "--profile", "production");
        Files.createFile(dir.resolve("stop"));
        ChildRun run = started.finish().assertSucceeded();

        assertEquals(0, attach.exitCode(), attach.describe());
        Map<String, Long> counts = HammerCheck.counts(run.stdout());
        assertAll(
                () -> assertEquals(1, run.stderr().lines().filter(line -> line.contains("already loaded")).count(),
                        "one \"already loaded\" line:\n" + run.stderr()),
                () -> assertTrue(run.stdout().contains("mismatches 0"), run.stdout()),
                () -> assertTrue(Recording.read(attached, run).events(SerializationStatisticsEvent.NAME).size() > 0,
                        "the attach recording has statistics"),
                () -> assertEquals(List.of(), HammerCheck.problems(counts, run.recording()),
                        "the recording from the start, with the agent attached a second time"));
    }
}
