package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.Fixtures.Point;
import dev.serialscope.e2e.programs.LiveWorkload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Agent option {@code metrics=jmx} with the real Prometheus JMX exporter agent and the exporter config the probe
 * ships, scraped over HTTP on 127.0.0.1: in a JVM without any recording, the scraped totals of the program's root
 * class equal the calls and bytes the program counted on its own streams, and its channel bytes of kind pipe (its
 * only pipe, to cat) equal the bytes it sent and got back.
 */
class MetricsE2ETest {

    private static final long TIMEOUT_SECONDS = 60;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void scrapedTotalsEqualTheProgramsCounts(Jdk jdk, @TempDir Path dir) throws Exception {
        int port = freePort();
        ChildJvm child = ChildJvm.on(jdk, dir).options(
                "-javaagent:" + existing("serialscope.agent") + "=metrics=jmx",
                "-javaagent:" + existing("serialscope.prometheusAgent") + "=127.0.0.1:" + port + ":"
                        + existing("serialscope.exporterConfig"));
        ChildJvm.Started started = child.start(LiveWorkload.class, child.expectationFile().toString());
        started.awaitLine("ready");
        Files.createFile(dir.resolve("go"));
        started.awaitLine("done");
        String rowLabels = "{direction=\"write\",framework=\"java\",root_class=\"" + Point.class.getName() + "\"}";
        String readLabels = rowLabels.replace("\"write\"", "\"read\"");
        String pipeWrites = "{direction=\"write\",kind=\"pipe\"}";
        String pipeReads = pipeWrites.replace("\"write\"", "\"read\"");
        String metrics = scrapeUntil(port, text -> value(text, "serialscope_calls_total" + readLabels) == LiveWorkload.POINTS
                && value(text, "serialscope_channel_bytes_total" + pipeReads) >= 0);
        String recordings = TopE2ETest.jcmd(jdk, started.pid(), "JFR.check");
        Files.createFile(dir.resolve("stop"));
        ChildRun run = started.finish().assertSucceeded();

        List<ExpectedCall> calls = run.expectations().calls();
        long largestWrite = calls.stream().filter(call -> call.event().equals(ExpectedCall.SERIALIZATION)
                && call.rootClass().equals(Point.class.getName())).mapToLong(ExpectedCall::bytes).max().orElseThrow();
        assertAll(
                () -> assertEquals(LiveWorkload.POINTS, value(metrics, "serialscope_calls_total" + rowLabels), metrics),
                () -> assertEquals((double) TopE2ETest.bytes(calls, ExpectedCall.SERIALIZATION),
                        value(metrics, "serialscope_bytes_total" + rowLabels), metrics),
                () -> assertEquals(LiveWorkload.POINTS, value(metrics, "serialscope_calls_total" + readLabels), metrics),
                () -> assertEquals((double) TopE2ETest.bytes(calls, ExpectedCall.DESERIALIZATION),
                        value(metrics, "serialscope_bytes_total" + readLabels), metrics),
                () -> assertEquals(0, value(metrics, "serialscope_failures_total" + rowLabels), metrics),
                () -> assertTrue(value(metrics, "serialscope_call_seconds_total" + rowLabels) > 0, metrics),
                () -> assertEquals(LiveWorkload.PIPE_BYTES, value(metrics, "serialscope_channel_bytes_total" + pipeWrites), metrics),
                () -> assertEquals(LiveWorkload.PIPE_BYTES, value(metrics, "serialscope_channel_bytes_total" + pipeReads), metrics),
                () -> assertEquals(0, value(metrics, "serialscope_channel_serialized_bytes_total" + pipeWrites), metrics),
                () -> assertTrue(value(metrics, "serialscope_channel_operations_total" + pipeReads) >= 1, metrics),
                () -> assertTrue(value(metrics, "serialscope_channel_seconds_total" + pipeWrites) > 0, metrics),
                () -> assertEquals((double) largestWrite, value(metrics, "serialscope_largest_call_bytes" + rowLabels),
                        metrics),
                () -> assertTrue(recordings.contains("No available recordings"), "counted without a recording:\n"
                        + recordings),
                () -> assertEquals(List.of(), run.stderr().lines().filter(line -> line.contains("[serialscope]")).toList(),
                        "the agent reported a problem"));
    }

    /** The scrape once {@code ready} holds for it (the MBean of a new row appears within about a second). */
    private static String scrapeUntil(int port, Predicate<String> ready)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                last = response.body();
                if (response.statusCode() == 200 && ready.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                last = e.toString(); // the exporter's server is not up yet
            }
            Thread.sleep(250);
        }
        fail("the scrape never had the program's rows:\n" + last);
        return last;
    }

    /** The value of one sample line, {@code name{labels} value}; -1 when there is none. */
    private static double value(String metrics, String sample) {
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1).strip()))
                .orElse(-1.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path existing(String property) {
        Path path = Path.of(System.getProperty(property, "(" + property + " not set)"));
        assertTrue(Files.isRegularFile(path), property + " not found: " + path + " (mvn install builds it)");
        return path;
    }
}
