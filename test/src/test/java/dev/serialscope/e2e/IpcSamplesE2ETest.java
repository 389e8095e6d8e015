package dev.serialscope.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialscope.samples.ChattySocket;
import dev.serialscope.samples.CleanMessaging;
import dev.serialscope.samples.RmiRepeatedArgument;
import dev.serialscope.samples.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The IPC side of the samples: channel statistics of the socket samples, RMI calls, a chatty socket. */
class IpcSamplesE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void cleanMessagingShowsItsSocketInTheChannelStatistics(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, CleanMessaging.class, Profile.PRODUCTION);
        String socket = "socket 127.0.0.1:" + find(run, "loopback port (\\d+)");
        Map<String, long[]> totals = IpcE2ETest.channelTotals(run.recording());
        long[] writes = totals.get(socket + " write");
        assertNotNull(writes, () -> "no statistics for " + socket + ": " + totals.keySet());
        assertAll(
                () -> assertTrue(writes[0] > 1_000 * 20, "bytes " + writes[0]),
                // Every byte on this socket is a Quote or the stream's header, written inside writeObject or flush.
                () -> assertEquals(writes[0], writes[1], "serialized bytes"),
                // The receiver reads what was written, except the TC_RESET after the last message (the
                // receiver stops after 1,000 objects).
                () -> assertEquals(writes[0] - 1, totals.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("socket 127.0.0.1:") && e.getKey().endsWith(" read")
                                && !e.getKey().equals(socket + " read"))
                        .mapToLong(e -> e.getValue()[0]).sum(), "bytes read by the receiver"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void chattySocketMakesTensOfThousandsOfTinyWrites(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, ChattySocket.class, Profile.PRODUCTION);
        String socket = "socket 127.0.0.1:" + find(run, "loopback port (\\d+)");
        long[] writes = IpcE2ETest.channelTotals(run.recording()).get(socket + " write");
        assertNotNull(writes, run::output);
        assertTrue(writes[2] >= 20_000, "operations " + writes[2]);
        assertTrue(writes[0] / writes[2] <= 32, "average bytes per write " + writes[0] / writes[2]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void rmiRepeatedArgumentNamesTheRemoteMethodOnBothSides(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, RmiRepeatedArgument.class, Profile.PRODUCTION);
        List<RecordedEvent> calls = run.recording().events("serialscope.RmiCall").stream()
                .filter(e -> "price".equals(e.getString("method"))).toList();
        String service = RmiRepeatedArgument.PricingService.class.getName();
        List<RecordedEvent> clients = calls.stream().filter(e -> "client".equals(e.getString("side"))).toList();
        List<RecordedEvent> servers = calls.stream().filter(e -> "server".equals(e.getString("side"))).toList();
        assertAll(
                () -> assertEquals(30, clients.size(), "client calls"),
                () -> assertEquals(30, servers.size(), "server calls"),
                () -> assertTrue(calls.stream().allMatch(e -> service.equals(e.<RecordedClass>getValue("remoteInterface").getName())),
                        "remote interface"),
                // The ~250 KB rate table travels with every call.
                () -> assertTrue(clients.stream().allMatch(e -> e.getLong("argumentBytes") > 200_000), "argument bytes"),
                () -> assertTrue(servers.stream().allMatch(e -> e.getLong("argumentBytes") > 200_000), "server argument bytes"),
                () -> assertTrue(clients.stream().allMatch(e -> e.getLong("resultBytes") > 0 && e.getLong("resultBytes") < 100),
                        "a long comes back"),
                () -> assertUnfilteredArgument(jdk, dir, run));
    }

    /**
     * RMI reads each call's arguments from the connection with no serial filter; its stream overrides resolveClass
     * only to load classes, which guards nothing, so the rate table is an unfiltered read from the socket.
     */
    private static void assertUnfilteredArgument(Jdk jdk, Path dir, ChildRun run) throws Exception {
        Launcher.Result analysis = Launcher.run(jdk, dir, 180, "analyze", run.recordingFile().toString(),
                "--format", "json");
        assertEquals(0, analysis.exitCode(), analysis::describe);
        JsonNode report = new ObjectMapper().readTree(analysis.stdout());
        JsonNode unfiltered = null;
        for (JsonNode result : (report.isArray() ? report.get(0) : report).get("results")) {
            if (result.get("id").asText().equals("serialscope.unfilteredDeserialization")) {
                unfiltered = result;
            }
        }
        assertNotNull(unfiltered, analysis::stdout);
        String rateTable = RmiRepeatedArgument.RateTable.class.getName();
        String summary = unfiltered.path("summary").asText();
        assertEquals("INFO", unfiltered.get("severity").asText(), summary);
        assertTrue(summary.contains("read from socket 127.0.0.1:") && summary.contains(rateTable), summary);
        JsonNode culprit = unfiltered.path("culprits").get(0);
        assertEquals("class " + rateTable, culprit.get("kind").asText() + " " + culprit.get("name").asText(),
                unfiltered.toString());
    }

    private static ChildRun runSample(Jdk jdk, Path dir, Class<?> sample, Profile profile) throws Exception {
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(profile)
                .classPathOf(Samples.class)
                .run(sample)
                .assertSucceeded();
        assertTrue(run.stdout().startsWith(sample.getSimpleName() + ": "),
                "the sample's summary line is missing:\n" + run.output());
        return run;
    }

    private static String find(ChildRun run, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(run.stdout());
        assertTrue(matcher.find(), () -> regex + " not in the output:\n" + run.output());
        return matcher.group(1);
    }
}
