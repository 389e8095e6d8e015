package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.Hammer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exact under load: 32 threads of {@link Hammer} serialize and deserialize a fixed number of
 * strings each under the diagnose profile (threshold 0). Every call has exactly one event (per
 * thread, the sizes of the events are the sizes of the calls: none lost, none duplicated), callIds
 * are unique when the probe fills them, and the statistics count every call and byte exactly. The
 * agent is given twice on the command line: the second copy must say "already loaded" once and
 * must not duplicate anything.
 */
class ExactUnderLoadE2ETest {

    static final int THREADS = 32;
    static final int CALLS = 1000;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void everyCallOfThirtyTwoThreadsIsCountedOnce(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE)
                .options("-javaagent:" + System.getProperty("serialscope.agent"));
        ChildRun run = child.run(Hammer.class, String.valueOf(THREADS), String.valueOf(CALLS)).assertSucceeded();
        Map<String, Long> counts = HammerCheck.counts(run.stdout());

        assertAll(
                () -> assertEquals(THREADS, counts.size(), "threads that reported\n" + run.stdout()),
                () -> assertEquals(true, counts.values().stream().allMatch(calls -> calls == CALLS), run.stdout()),
                () -> assertEquals(true, run.stdout().contains("mismatches 0"), "the program read back what it wrote"),
                () -> assertEquals(1, run.stderr().lines().filter(line -> line.contains("already loaded")).count(),
                        "the second -javaagent says once that the agent is already loaded:\n" + run.stderr()),
                () -> assertEquals(List.of(), HammerCheck.problems(counts, run.recording())));
    }
}
