package dev.serialscope.e2e;

import com.hazelcast.core.Hazelcast;
import dev.serialscope.e2e.programs.FreshStreamSize;
import dev.serialscope.e2e.programs.HazelcastCluster;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Hazelcast 5 members on 127.0.0.1: every put of a Serializable value is one java serialization call of exactly
 * the value's bytes, every get on the other member one read of the same bytes, placed at the application's frame
 * "via MapProxyImpl.set/get". Hazelcast serializes on the caller's thread and sends on its I/O threads, so the
 * Serialized Share rule says the bytes are not linked instead of a 0 % share; the advice is Hazelcast's (a compact
 * serializer for the map's values, its Java serialization filter), not a stream per connection; and reads of values
 * other members wrote count as input from outside. Every call names its map, and the findings give the map as a
 * culprit (the cost per map).
 */
class HazelcastClusterE2ETest {

    private static final String QUOTE = HazelcastCluster.Quote.class.getName();
    private static final String SITE = "dev.serialscope.e2e.programs.HazelcastCluster.main:";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void mapValuesAreExactAndTheAdviceIsHazelcasts(Jdk jdk, @TempDir Path dir) throws Exception {
        int[] ports = freePorts();
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE)
                .classPathOf(HazelcastCluster.class, Hazelcast.class)
                .run(HazelcastCluster.class, String.valueOf(ports[0]), String.valueOf(ports[1])).assertSucceeded();
        Recording recording = run.recording();
        List<RecordedEvent> writes = ofQuotes(recording.events(SerializationEvent.NAME));
        List<RecordedEvent> reads = ofQuotes(recording.events(DeserializationEvent.NAME));
        long valueBytes = FreshStreamSize.of(HazelcastCluster.quote(0));
        String file = run.recordingFile().toString();
        Launcher.Result analyze = Launcher.run(jdk, dir, 120, "analyze", file, "--min", "ok");
        Launcher.Result json = Launcher.run(jdk, dir, 120, "analyze", file, "--min", "ok", "--format", "json");
        Launcher.Result stores = Launcher.run(jdk, dir, 120, "summary", file, "--by", "store");
        String store = "hazelcast map " + HazelcastCluster.MAP;
        Launcher.Result sites = Launcher.run(jdk, dir, 120, "summary", file, "--by", "site");
        String text = analyze.stdout();

        assertAll(
                () -> assertEquals("members 2 put " + HazelcastCluster.VALUES + " got " + HazelcastCluster.VALUES,
                        run.stdout().strip()),
                () -> assertEquals(HazelcastCluster.VALUES, writes.size(), "puts"),
                () -> assertEquals(HazelcastCluster.VALUES, reads.size(), "gets"),
                () -> assertTrue(writes.stream().allMatch(write -> write.getLong("bytes") == valueBytes),
                        "every put writes the value's " + valueBytes + " bytes"),
                () -> assertTrue(reads.stream().allMatch(read -> read.getLong("bytes") == valueBytes),
                        "every get reads the value's " + valueBytes + " bytes"),
                () -> assertTrue(writes.stream().allMatch(write -> store.equals(write.getString("store")))
                        && reads.stream().allMatch(read -> store.equals(read.getString("store"))),
                        "every put and get names its map: " + writes.get(0).getString("store")),
                () -> assertTrue(Pattern.compile("\"kind\"\\s*:\\s*\"store\",\\s*\"name\"\\s*:\\s*\"" + store + "\"")
                        .matcher(json.stdout()).find(), json.describe()),
                () -> assertTrue(stores.stdout().contains(store), stores.describe()),
                () -> assertTrue(sites.stdout().contains(SITE) && sites.stdout().contains(" via MapProxyImpl.set")
                        && sites.stdout().contains(" via MapProxyImpl.get"), sites.describe()),
                () -> assertTrue(text.contains("not linked"), analyze.describe()),
                () -> assertFalse(text.matches("(?s).*Serialization moved 0(\\.0)? %.*"), analyze.describe()),
                () -> assertTrue(text.contains("Compact serialization"), analyze.describe()),
                () -> assertFalse(text.contains("Keep one ObjectOutputStream per connection"), analyze.describe()),
                () -> assertTrue(text.matches("(?s).*INFO +Unfiltered Deserialization.*"), analyze.describe()),
                () -> assertTrue(text.contains("java-serialization-filter"), analyze.describe()));
    }

    private static List<RecordedEvent> ofQuotes(List<RecordedEvent> calls) {
        return calls.stream().filter(call -> call.getClass("rootClass") != null
                && call.getClass("rootClass").getName().equals(QUOTE)).toList();
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket second = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }
}
