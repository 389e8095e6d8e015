package dev.serialscope.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.serialscope.e2e.programs.Hammer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loading the agent makes the JVM say nothing: no "Sharing is only supported for boot loader
 * classes" (the bridge classes are defined in the bootstrap loader, not appended to its search
 * path, so class data sharing stays on for the application's classes), no Unsafe deprecation, no
 * other warning, whether the agent comes with -javaagent or by attach.
 */
class QuietAgentE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void premainPrintsNoWarning(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .run(Hammer.class, "2", "200").assertSucceeded();
        assertEquals(List.of(), warnings(run.stderr()), run.output());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void attachPrintsNoWarning(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir);
        if (feature(jdk) >= 21) {
            // Without it JDK 21+ warns about any dynamically loaded agent: a notice of the JVM, not of ours.
            child.options("-XX:+EnableDynamicAgentLoading");
        }
        ChildJvm.Started started = child.start(Hammer.class, "2", "0");
        started.awaitLine("ready");
        Launcher.Result attach = Launcher.run(jdk, dir, 90, "attach", String.valueOf(started.pid()), "-o",
                dir.resolve("attached.jfr").toString(), "--duration", "1s", "--profile", "production");
        Files.createFile(dir.resolve("stop"));
        ChildRun run = started.finish().assertSucceeded();
        assertEquals(0, attach.exitCode(), attach.stderr());
        assertEquals(List.of(), warnings(run.stderr()), run.output());
    }

    private static List<String> warnings(String stderr) {
        return stderr.lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("warning")).toList();
    }

    private static int feature(Jdk jdk) {
        return Integer.parseInt(jdk.version().split("[.+-]")[0]);
    }
}
