package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.WriteCalls;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without -javaagent, a recording with SerialScope's settings has no SerialScope event types or
 * events, although the program serializes and JFR records its own events as usual.
 */
class WithoutAgentE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void noSerialScopeEventsWithoutTheAgent(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).recording(Profile.DIAGNOSE);
        ChildRun run = child.run(WriteCalls.class, child.expectationFile().toString()).assertSucceeded();
        Recording recording = run.recording();

        assertFalse(run.expectations().calls().isEmpty(), "the program must have serialized");
        assertTrue(recording.all().stream().anyMatch(event -> event.getEventType().getName().startsWith("jdk.")),
                "JFR must have recorded its own events");
        assertEquals(0, recording.types().stream().filter(type -> type.getName().startsWith("serialscope.")).count(),
                "SerialScope event types in a recording without the agent");
        assertEquals(0, recording.all().stream()
                        .filter(event -> event.getEventType().getName().startsWith("serialscope.")).count(),
                "SerialScope events in a recording without the agent");
    }
}
