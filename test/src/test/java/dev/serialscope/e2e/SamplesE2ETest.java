package dev.serialscope.e2e;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import dev.serialscope.samples.CleanMessaging;
import dev.serialscope.samples.FreshStreamPerMessage;
import dev.serialscope.samples.GadgetOnSocket;
import dev.serialscope.samples.GrowingPayload;
import dev.serialscope.samples.PipeTaskShipping;
import dev.serialscope.samples.RepeatedObject;
import dev.serialscope.samples.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each sample, recorded with the agent and the diagnose settings, shows the habit it is meant to
 * demonstrate: the numbers the analysis rules will look at are really in the recording.
 */
class SamplesE2ETest {

    private static final String SAMPLES = "dev.serialscope.samples.";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void pipeTaskShippingResendsTheConfigWithEveryTask(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, PipeTaskShipping.class);
        Recording recording = run.recording();
        String pipe = "pipe (child pid " + find(run, "worker pid (\\d+)") + ")";
        List<RecordedEvent> tasks = withRoot(recording, SerializationEvent.NAME, SAMPLES + "PipeTaskShipping$Task");
        List<RecordedEvent> results = withRoot(recording, DeserializationEvent.NAME, SAMPLES + "PipeTaskShipping$Result");

        assertAll(
                () -> assertEquals(20, tasks.size(), "task events"),
                () -> assertTrue(tasks.stream().allMatch(task -> task.getLong("bytes") > 200_000),
                        "every task carries the whole config: " + bytes(tasks)),
                () -> assertEquals(List.of(pipe), distinct(tasks, "channel"), "task channel"),
                () -> assertEquals(1, distinct(tasks, "streamId").size(), "one stream to the worker"),
                () -> assertEquals(20, results.size(), "result events"),
                () -> assertEquals(List.of(pipe), distinct(results, "channel"), "result channel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void freshStreamPerMessagePaysTheClassDescriptorEveryTime(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, FreshStreamPerMessage.class);
        Recording recording = run.recording();
        String socket = "socket 127.0.0.1:" + find(run, "loopback port (\\d+)");
        List<RecordedEvent> sent = withRoot(recording, SerializationEvent.NAME, SAMPLES + "Quote");
        List<RecordedEvent> received = withRoot(recording, DeserializationEvent.NAME, SAMPLES + "Quote");

        assertAll(
                () -> assertEquals(500, sent.size(), "sent quotes"),
                () -> assertEquals(500, distinct(sent, "streamId").size(), "a stream per message"),
                () -> assertEquals(List.of(1), distinct(sent, "classDescriptors"), "descriptors per message"),
                () -> assertEquals(List.of(socket), distinct(sent, "channel"), "sending channel"),
                () -> assertEquals(500, received.size(), "received quotes"),
                () -> assertEquals(List.of(1), distinct(received, "classDescriptors"), "descriptors per received message"),
                () -> assertTrue(received.stream().allMatch(event -> event.getString("channel").startsWith("socket 127.0.0.1:")),
                        "receiving channel: " + distinct(received, "channel")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void cleanMessagingSendsEachDescriptorOncePerReset(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, CleanMessaging.class);
        Recording recording = run.recording();
        String socket = "socket 127.0.0.1:" + find(run, "loopback port (\\d+)");
        List<RecordedEvent> sent = withRoot(recording, SerializationEvent.NAME, SAMPLES + "Quote");

        assertAll(
                () -> assertEquals(1_000, sent.size(), "sent quotes"),
                () -> assertEquals(1, distinct(sent, "streamId").size(), "one stream"),
                () -> assertEquals(List.of(socket), distinct(sent, "channel"), "channel"),
                // The first message and the first after each of the 9 resets (after 100, 200, ... 900).
                () -> assertEquals(10, sent.stream().mapToInt(event -> event.getInt("classDescriptors")).sum(),
                        "class descriptors sent"),
                () -> assertEquals(1_000, distinct(sent, "contentHash").size(), "every message is different"),
                () -> assertEquals(1_000, withRoot(recording, DeserializationEvent.NAME, SAMPLES + "Quote").size(),
                        "received quotes"),
                // A socket's bytes are gone once read: only reads from byte arrays are fingerprinted.
                () -> assertEquals(List.of(0L), distinct(withRoot(recording, DeserializationEvent.NAME, SAMPLES + "Quote"),
                        "contentHash"), "received fingerprints"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void growingPayloadGrowsWithEveryReplication(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, GrowingPayload.class);
        Recording recording = run.recording();
        List<RecordedEvent> replications = withRoot(recording, SerializationEvent.NAME, SAMPLES + "GrowingPayload$Session");
        List<Long> sizes = replications.stream().map(event -> event.getLong("bytes")).toList();
        // The sample prints whole stream sizes, which include the 4-byte stream header.
        long first = Long.parseLong(find(run, "from (\\d+)")) - 4;
        long last = Long.parseLong(find(run, "to (\\d+) bytes")) - 4;

        assertAll(
                () -> assertEquals(200, sizes.size(), "replications"),
                () -> assertEquals(first, sizes.get(0), "first replication"),
                () -> assertEquals(last, sizes.get(sizes.size() - 1), "last replication"),
                () -> assertTrue(isStrictlyIncreasing(sizes), "sizes must grow with every replication: " + sizes),
                () -> assertEquals(1, distinct(replications, "identity").size(), "always the same session"),
                () -> assertEquals(List.of("memory"), distinct(replications, "channel"), "channel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void repeatedObjectSerializesTheSameObjectAndBytes(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, RepeatedObject.class);
        Recording recording = run.recording();
        List<RecordedEvent> copies = withRoot(recording, SerializationEvent.NAME, SAMPLES + "RepeatedObject$PriceList");
        List<RecordedEvent> reads = withRoot(recording, DeserializationEvent.NAME, SAMPLES + "RepeatedObject$PriceList");

        assertAll(
                () -> assertEquals(300, copies.size(), "copies"),
                () -> assertEquals(1, distinct(copies, "identity").size(), "the same object every time"),
                () -> assertEquals(1, distinct(copies, "contentHash").size(), "the same bytes every time"),
                () -> assertTrue(copies.stream().allMatch(event -> event.getLong("contentHash") != 0),
                        "the diagnose settings fingerprint the bytes"),
                () -> assertEquals(300, reads.size(), "reads"),
                () -> assertEquals(distinct(copies, "bytes"), distinct(reads, "bytes"), "read and written sizes"),
                // Each copy is read back from its byte array: the bytes the read consumed are the ones written.
                () -> assertEquals(distinct(copies, "contentHash"), distinct(reads, "contentHash"),
                        "read and written fingerprints"));
    }

    /** In production, where small reads get no per-call event: every gadget read does, and the first quote. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void gadgetOnSocketWritesEveryGadgetReadInProduction(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runSample(jdk, dir, GadgetOnSocket.class, Profile.PRODUCTION);
        Recording recording = run.recording();
        String gadgetClass = "javax.management.BadAttributeValueExpException";
        List<RecordedEvent> quotes = withRoot(recording, DeserializationEvent.NAME, SAMPLES + "Quote");
        List<RecordedEvent> gadgets = withRoot(recording, DeserializationEvent.NAME, gadgetClass);
        List<RecordedEvent> statistics = recording.events(SerializationStatisticsEvent.NAME);

        assertAll(
                () -> assertTrue(run.stdout().contains("998 quotes and 2 BadAttributeValueExpException"), run.stdout()),
                () -> assertEquals(2, gadgets.size(), "every gadget-class read has its event"),
                () -> assertTrue(gadgets.stream().allMatch(gadget -> gadget.getString("channel").startsWith("socket 127.0.0.1:")),
                        "gadget channel: " + gadgets.get(0).getString("channel")),
                () -> assertEquals(1, quotes.size(), "only the first unfiltered quote from the socket has an event"),
                () -> assertEquals(998, unfilteredReads(statistics, SAMPLES + "Quote"), "unfiltered quotes counted"),
                () -> assertEquals(2, unfilteredReads(statistics, gadgetClass), "unfiltered gadgets counted"),
                () -> assertEquals(List.of(false), distinct(recording.events(DeserializationEvent.NAME), "filtered"),
                        "no read is filtered"));
    }

    private static long unfilteredReads(List<RecordedEvent> statistics, String rootClass) {
        return statistics.stream().filter(row -> row.getClass("rootClass") != null
                && row.getClass("rootClass").getName().equals(rootClass)).mapToLong(row -> row.getInt("unfilteredCalls")).sum();
    }

    private static ChildRun runSample(Jdk jdk, Path dir, Class<?> sample) throws Exception {
        return runSample(jdk, dir, sample, Profile.DIAGNOSE);
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
        assertTrue(matcher.find(), "no " + regex + " in the summary:\n" + run.stdout());
        return matcher.group(1);
    }

    private static List<RecordedEvent> withRoot(Recording recording, String eventName, String rootClass) {
        return recording.events(eventName).stream()
                .filter(event -> {
                    RecordedClass root = event.getClass("rootClass");
                    return root != null && root.getName().equals(rootClass);
                })
                .toList();
    }

    private static List<Object> distinct(List<RecordedEvent> events, String field) {
        return events.stream().<Object>map(event -> event.getValue(field)).distinct().toList();
    }

    private static List<Long> bytes(List<RecordedEvent> events) {
        return events.stream().map(event -> event.getLong("bytes")).toList();
    }

    private static boolean isStrictlyIncreasing(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) <= values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
