package dev.serialscope.e2e;

import com.esotericsoftware.kryo.Kryo;
import dev.serialscope.e2e.programs.SparkJob;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spark 4 job (local[2], bound to 127.0.0.1) recorded with the production profile: a map function that
 * captures a 1 MB table travels in the stage's task binary, which all 40 tasks deserialize again; the analysis
 * warns, names the captured HashMap eight levels down and advises a broadcast. The same job with a broadcast
 * variable gets no such warning, and the broadcast block (a byte array of the serialized table) is no payload of
 * its own. JDK 17 only: Spark 4.0 does not start on JDK 24 and later, where Hadoop's
 * UserGroupInformation fails with "getSubject is not supported" (the Security Manager is gone).
 */
class SparkClosuresE2ETest {

    /** The first JDK without Subject.getSubject, which Spark 4.0's Hadoop client calls at start. */
    private static final int NO_GET_SUBJECT = 24;

    /** What Spark's own launcher opens (JavaModuleOptions) for Spark on JDK 17 and later. */
    private static final List<String> SPARK_JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");
    private static final String REPEATED = "WARNING  Repeated Payloads";
    private static final String BROADCAST_ADVICE = "Broadcast the captured value";

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdksSparkRunsOn")
    void aCapturedMapIsNamedWithBroadcastAdvice(Jdk jdk, @TempDir Path dir) throws Exception {
        String analysis = analyzeJob(jdk, dir, "captured");
        assertAll(
                () -> assertTrue(analysis.contains(REPEATED), analysis),
                () -> assertTrue(analysis.contains("Spark's task binary (scala.Tuple2, ")
                        && analysis.contains("was deserialized by " + SparkJob.PARTITIONS + " tasks"), analysis),
                () -> assertTrue(analysis.matches("(?s).*Most of it is what SparkJob\\$\\$Lambda captured: "
                        + "\\S*capturedArgs\\[0] \\(HashMap, .*"), analysis),
                () -> assertTrue(analysis.contains(BROADCAST_ADVICE), analysis),
                () -> assertTrue(analysis.contains("scala.Tuple2 payloads reach") && analysis.contains(
                        SparkJob.PARTITIONS + " of its " + SparkJob.PARTITIONS + " reads were at least"), analysis),
                () -> assertFalse(analysis.contains("byte[] payloads"), analysis),
                () -> assertFalse(analysis.matches("(?s).*\\$\\$Lambda\\$\\d+.*"), analysis));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdksSparkRunsOn")
    void aBroadcastTableGetsNoSuchWarning(Jdk jdk, @TempDir Path dir) throws Exception {
        String analysis = analyzeJob(jdk, dir, "broadcast");
        assertAll(
                () -> assertFalse(analysis.contains(REPEATED), analysis),
                () -> assertFalse(analysis.contains(BROADCAST_ADVICE), analysis),
                () -> assertFalse(analysis.contains("byte[] payloads"), analysis));
    }

    static Stream<Jdk> jdksSparkRunsOn() {
        return Jdks.all().filter(jdk -> jdk.featureVersion() < NO_GET_SUBJECT);
    }

    /** Runs the job under a production recording and returns the analysis's text. */
    private static String analyzeJob(Jdk jdk, Path dir, String variant) throws Exception {
        // Kryo 5 of the framework tests shadows Spark's Kryo 4 (the same packages); the agent brings its own events.
        String kryo5 = ChildJvm.classPathEntryOf(Kryo.class);
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .testClassPathWithout(entry -> entry.equals(kryo5)
                        || entry.contains(File.separator + "dev" + File.separator + "serialscope" + File.separator))
                .options(SPARK_JVM_OPTIONS.toArray(String[]::new)).timeoutSeconds(300)
                .run(SparkJob.class, variant).assertSucceeded();
        assertEquals("matched 10000", run.stdout().strip(), run.output());
        Launcher.Result analyze = Launcher.run(jdk, dir, 120, "analyze", run.recordingFile().toString());
        return analyze.stdout() + "\n" + analyze.describe();
    }
}
