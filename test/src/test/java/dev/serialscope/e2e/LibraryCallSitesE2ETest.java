package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.DeepCopies;
import java.nio.file.Path;
import org.apache.commons.lang3.SerializationUtils;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls made by a library on the application's behalf (commons-lang3's SerializationUtils.clone) are
 * placed at the application's frame, with the library named: the analysis and the summary say
 * {@code DeepCopies.handleRequest:NN via SerializationUtils.clone}, not SerializationUtils.serialize.
 */
class LibraryCallSitesE2ETest {

    private static final String SITE = "dev.serialscope.e2e.programs.DeepCopies.handleRequest:";
    private static final String VIA = " via SerializationUtils.clone";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void deepCopiesArePlacedAtTheHandler(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE)
                .classPathOf(DeepCopies.class, SerializationUtils.class)
                .run(DeepCopies.class).assertSucceeded();
        String recording = run.recordingFile().toString();
        Launcher.Result analyze = Launcher.run(jdk, dir, 120, "analyze", recording, "--min", "ok");
        Launcher.Result summary = Launcher.run(jdk, dir, 120, "summary", recording, "--by", "site");

        assertAll(
                () -> assertEquals("copied " + 40, run.stdout().strip()),
                () -> assertTrue(analyze.stdout().matches("(?s).*" + SITE.replace(".", "\\.").replace("$", "\\$")
                        + "\\d+" + VIA + ".*"), analyze.describe()),
                () -> assertTrue(!analyze.stdout().contains("SerializationUtils.serialize:"), analyze.describe()),
                () -> assertTrue(analyze.stdout().contains("DeepCopies$PriceList was deep-copied through serialization"),
                        analyze.describe()),
                () -> assertTrue(summary.stdout().contains(VIA), summary.describe()));
    }
}
