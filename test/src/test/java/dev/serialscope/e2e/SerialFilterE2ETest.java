package dev.serialscope.e2e;

import dev.serialscope.events.DeserializedClassEvent;
import dev.serialscope.samples.QuoteFeed;
import dev.serialscope.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter a recording writes is the filter the program needs: QuoteFeed (batches of quotes, with a nested
 * array, an enum and a list, read from a socket) is recorded with the production profile, {@code serialscope
 * filter} writes the pattern, and the same program under {@code -Djdk.serialFilter=<pattern>} runs as before,
 * while a gadget-class object on the same socket is refused (and, recorded, stays out of the class set). {@code
 * --check} names a nested class that a pattern misses.
 */
class SerialFilterE2ETest {

    private static final long LAUNCHER_TIMEOUT_SECONDS = 120;
    private static final String VENUE = "dev.serialscope.samples.QuoteFeed$Venue";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void theWrittenFilterLetsTheProgramRunAndRefusesAGadget(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun recorded = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("recorded"))).withAgent()
                .recording(Profile.PRODUCTION).classPathOf(Samples.class).run(QuoteFeed.class).assertSucceeded();
        Launcher.Result written = Launcher.run(jdk, dir, LAUNCHER_TIMEOUT_SECONDS, "filter",
                recorded.recordingFile().toString());
        assertEquals(0, written.exitCode(), written.describe());
        String pattern = written.stdout().strip();
        assertTrue(pattern.startsWith("maxdepth=") && pattern.endsWith(";!*") && pattern.contains(";" + VENUE + ";"),
                written.describe());

        String filter = "-Djdk.serialFilter=" + pattern;
        ChildRun filtered = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("filtered"))).options(filter)
                .classPathOf(Samples.class).run(QuoteFeed.class).assertSucceeded();
        // Recorded too: a class the filter refused must not reach the class set a next filter is written from.
        ChildRun gadget = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("gadget"))).withAgent()
                .recording(Profile.PRODUCTION).options(filter).classPathOf(Samples.class).run(QuoteFeed.class, "gadget");
        List<String> gadgetRunClasses = gadget.recording().events(DeserializedClassEvent.NAME).stream()
                .map(event -> event.getClass("serialClass").getName()).toList();

        Launcher.Result check = Launcher.run(jdk, dir, LAUNCHER_TIMEOUT_SECONDS, "filter", "--check",
                pattern.replace(VENUE + ";", ""), recorded.recordingFile().toString());

        assertAll(
                () -> assertEquals(withoutPort(recorded.stdout()), withoutPort(filtered.stdout()),
                        "the filtered run must print what the recorded run printed:\n" + filtered.output()),
                () -> assertEquals("", filtered.stderr(), filtered.output()),
                () -> assertEquals(1, gadget.exitCode(), gadget.output()),
                () -> assertTrue(gadget.stdout().contains("the receiver refused message 150: "
                        + "java.io.InvalidClassException: filter status: REJECTED"), gadget.output()),
                () -> assertTrue(gadgetRunClasses.contains("dev.serialscope.samples.QuoteFeed$Batch")
                        && !gadgetRunClasses.contains(BadAttributeValueExpException.class.getName()),
                        gadgetRunClasses.toString()),
                () -> assertEquals(1, check.exitCode(), check.describe()),
                () -> assertTrue(check.stdout().lines().anyMatch(("  rejects class " + VENUE)::equals), check.describe()),
                () -> assertEquals("", check.stderr(), check.describe()));
    }

    private static String withoutPort(String summary) {
        return summary.replaceAll("port \\d+", "port N");
    }
}
