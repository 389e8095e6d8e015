package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.NothingSerialized;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording made with the agent of a program that serializes nothing is analysed, not refused as a
 * recording made without the agent: every rule is OK and says that no serialization was recorded.
 */
class NothingSerializedE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void analyzedAsNothingSerialized(Jdk jdk, @TempDir Path dir) throws Exception {
        Path recording = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .run(NothingSerialized.class).assertSucceeded().recordingFile();
        Launcher.Result analyze = Launcher.run(jdk, dir, 120, "analyze", recording.toString(), "--min", "ok");
        Launcher.Result summary = Launcher.run(jdk, dir, 120, "summary", recording.toString());
        assertAll(
                () -> assertEquals(0, analyze.exitCode(), analyze.describe()),
                () -> assertTrue(analyze.stdout().contains("No serialization was recorded"), analyze.describe()),
                () -> assertTrue(analyze.stdout().lines().noneMatch(line -> line.startsWith("WARNING")
                        || line.startsWith("INFO") || line.startsWith("N/A")), analyze.describe()),
                () -> assertEquals(0, summary.exitCode(), summary.describe()));
    }
}
