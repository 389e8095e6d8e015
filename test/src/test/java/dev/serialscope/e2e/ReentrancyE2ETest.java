package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.Reentrancy;
import dev.serialscope.e2e.programs.RecordingChurn;
import dev.serialscope.events.ProbeErrorEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-entrancy and bytecode safety: serialization inside a custom writeObject/readObject on another
 * stream, inside a static initializer run mid-call, and while a class loader defines a class
 * mid-read, all recorded exactly, under -Xverify:all (the instrumented java.io classes and the
 * agent's own pass the verifier); and serialization while recordings start, stop and are dumped in
 * a loop (JDK 17 retransforms JFR's I/O classes as recordings start): no exception, no ProbeError,
 * and the recording that runs throughout still has every call exactly once.
 */
class ReentrancyE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void nestedCallsOnOtherStreamsAreRecordedExactlyUnderVerifyAll(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE).options("-Xverify:all");
        ChildRun run = child.run(Reentrancy.class, child.expectationFile().toString()).assertSucceeded();
        assertAll(
                () -> assertTrue(run.stdout().contains("isolated class loaded by a new loader: true"), run.stdout()),
                () -> assertTrue(run.stdout().contains("nested payloads Person, Envelope"), run.stdout()),
                () -> assertEquals(List.of(), FaultInjectionE2ETest.serialScopeLines(run.stderr()), "agent messages"),
                () -> assertTrue(!run.stderr().contains("VerifyError"), run.stderr()),
                () -> RecordedCalls.assertMatch(run.expectations().calls(), ExpectedCall.SELF, run.recording()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void serializationWhileRecordingsStartStopAndDump(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE);
        ChildRun run = child.run(RecordingChurn.class, Profile.DIAGNOSE.settingsFile().getParent().toString(), "2000")
                .assertSucceeded();
        Map<String, Long> counts = HammerCheck.counts(run.stdout());
        List<String> unreadable = new ArrayList<>();
        long dumpsWithEvents = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path dump : files.filter(file -> file.getFileName().toString().startsWith("churn-")).toList()) {
                try {
                    if (RecordingFile.readAllEvents(dump).stream()
                            .anyMatch(event -> event.getEventType().getName().equals(ExpectedCall.SERIALIZATION))) {
                        dumpsWithEvents++;
                    }
                } catch (IOException e) {
                    unreadable.add(dump.getFileName() + ": " + e);
                }
            }
        }
        long withEvents = dumpsWithEvents;
        Recording recording = run.recording();
        assertAll(
                () -> assertTrue(run.stdout().contains("errors 0"), "recording control failed:\n" + run.output()),
                () -> assertTrue(run.stdout().contains("mismatches 0"), run.stdout()),
                () -> assertTrue(!run.stdout().contains("recordings 0"), "no recording was started\n" + run.stdout()),
                () -> assertEquals(4, counts.size(), run.stdout()),
                () -> assertEquals(List.of(), FaultInjectionE2ETest.serialScopeLines(run.stderr()), "agent messages"),
                () -> assertEquals(List.of(), unreadable, "dumped recordings"),
                () -> assertTrue(withEvents > 0, "no dumped recording has serialscope.Serialization events"),
                () -> assertEquals(List.of(), recording.events(ProbeErrorEvent.NAME).stream()
                        .map(event -> event.getString("hook")).toList(), "ProbeError events"),
                () -> assertEquals(List.of(), HammerCheck.problems(counts, recording),
                        "the recording that ran throughout"));
    }
}
