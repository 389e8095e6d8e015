package dev.serialscope.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.StatisticsWorkload;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationSizesEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under the production settings, per-call events only for calls of at least 64 KiB or (of the timed calls) 10 ms, while
 * serialscope.SerializationStatistics, summed over all periods and the final rows, counts every
 * call, byte and failure of {@link StatisticsWorkload} (four threads at once), per direction and per
 * root class, with the largest call and the calls and bytes per size class (serialscope.SerializationSizes), which
 * Large Payloads reads.
 */
class StatisticsE2ETest {

    private static final long SIZE_THRESHOLD = 64 * 1024;
    private static final Duration DURATION_THRESHOLD = Duration.ofMillis(10);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void statisticsCountEveryCallWhilePerCallEventsAreThresholded(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION);
        ChildRun run = child.run(StatisticsWorkload.class, child.expectationFile().toString()).assertSucceeded();
        List<ExpectedCall> calls = run.expectations().calls();
        Recording recording = run.recording();

        assertAll(
                () -> assertStatistics(calls, recording, ExpectedCall.SERIALIZATION, SerializationStatisticsEvent.WRITE),
                () -> assertStatistics(calls, recording, ExpectedCall.DESERIALIZATION, SerializationStatisticsEvent.READ),
                () -> assertSizes(calls, recording, ExpectedCall.SERIALIZATION, SerializationStatisticsEvent.WRITE),
                () -> assertSizes(calls, recording, ExpectedCall.DESERIALIZATION, SerializationStatisticsEvent.READ),
                () -> assertThresholded(calls, recording, ExpectedCall.SERIALIZATION),
                () -> assertThresholded(calls, recording, ExpectedCall.DESERIALIZATION),
                () -> assertLargePayloadsCountEveryCall(jdk, dir, calls, run.recordingFile()));
    }

    /**
     * Per root class, the largest call (the maximum of the periods' largestCall) and the calls and bytes of every
     * power-of-two size class (serialscope.SerializationSizes summed over the periods) are those of the logged calls.
     */
    private static void assertSizes(List<ExpectedCall> calls, Recording recording, String eventName, String direction) {
        List<ExpectedCall> expected = calls.stream()
                .filter(call -> call.event().equals(eventName) && call.bytes() >= 0).toList();
        Map<String, Long> expectedLargest = new TreeMap<>(expected.stream().collect(Collectors.groupingBy(
                ExpectedCall::rootClass, Collectors.reducing(0L, ExpectedCall::bytes, Math::max))));
        Map<String, Long> recordedLargest = new TreeMap<>(recording.events(SerializationStatisticsEvent.NAME).stream()
                .filter(row -> direction.equals(row.getString("direction")))
                .collect(Collectors.groupingBy(row -> className(row.getClass("rootClass")),
                        Collectors.reducing(0L, row -> row.getLong("largestCall"), Math::max))));
        assertEquals(expectedLargest, recordedLargest, direction + ": largest call per root class");

        Map<String, String> expectedSizes = new TreeMap<>();
        expected.stream().collect(Collectors.groupingBy(call -> call.rootClass() + " from " + sizeClass(call.bytes()),
                Collectors.toList())).forEach((key, inClass) -> expectedSizes.put(key, inClass.size() + " calls, "
                        + inClass.stream().mapToLong(ExpectedCall::bytes).sum() + " B"));
        Map<String, String> recordedSizes = new TreeMap<>();
        recording.events(SerializationSizesEvent.NAME).stream()
                .filter(bucket -> direction.equals(bucket.getString("direction")))
                .collect(Collectors.groupingBy(bucket -> className(bucket.getClass("rootClass")) + " from "
                        + bucket.getLong("minBytes"), Collectors.toList()))
                .forEach((key, periods) -> recordedSizes.put(key, periods.stream().mapToLong(b -> b.getInt("calls")).sum()
                        + " calls, " + periods.stream().mapToLong(b -> b.getLong("bytes")).sum() + " B"));
        assertEquals(expectedSizes, recordedSizes, direction + ": calls and bytes per root class and size class");
    }

    /** The lower bound of the size class of a call: below 64 bytes, then powers of two up to 1 GiB. */
    static long sizeClass(long bytes) {
        return bytes < 64 ? 0 : Math.min(1L << 30, Long.highestOneBit(bytes));
    }

    /** Large Payloads judges from the statistics: the largest of every call, and says how many it counted. */
    private static void assertLargePayloadsCountEveryCall(Jdk jdk, Path dir, List<ExpectedCall> calls, Path recording)
            throws Exception {
        Launcher.Result analysis = Launcher.run(jdk, dir, 180, "analyze", recording.toString(), "--format", "json");
        assertEquals(0, analysis.exitCode(), analysis.describe());
        JsonNode report = new ObjectMapper().readTree(analysis.stdout());
        String summary = "";
        for (JsonNode result : (report.isArray() ? report.get(0) : report).get("results")) {
            if (result.get("id").asText().equals("serialscope.largePayload")) {
                summary = result.path("summary").asText().replace('\u00a0', ' ').replace('\u202f', ' ');
            }
        }
        long largest = calls.stream().mapToLong(ExpectedCall::bytes).max().orElseThrow();
        // 100,027 bytes: a 100,000-byte array, below the 128 KiB info limit.
        assertEquals(String.format(Locale.ROOT, "The largest of %,d calls was %s (byte[]).", calls.size(),
                String.format(Locale.ROOT, "%.1f KiB", largest / 1024.0)), summary, analysis.stdout());
    }

    private static void assertStatistics(List<ExpectedCall> calls, Recording recording, String eventName,
                                         String direction) {
        List<ExpectedCall> expected = calls.stream().filter(call -> call.event().equals(eventName)).toList();
        List<RecordedEvent> rows = recording.events(SerializationStatisticsEvent.NAME).stream()
                .filter(row -> direction.equals(row.getString("direction")))
                .toList();
        String what = direction + " statistics";

        assertEquals(expected.size(), rows.stream().mapToLong(row -> row.getInt("calls")).sum(), what + ": calls");
        assertEquals(expected.stream().mapToLong(ExpectedCall::bytes).sum(),
                rows.stream().mapToLong(row -> row.getLong("bytes")).sum(), what + ": bytes");
        assertEquals(expected.stream().filter(call -> !call.failure().isEmpty()).count(),
                rows.stream().mapToLong(row -> row.getInt("failures")).sum(), what + ": failures");
        assertTrue(rows.stream().allMatch(row -> "java".equals(row.getString("framework"))), what + ": framework");
        // Production times about one call in 16: the time is measured on those and scaled, never made up.
        assertTrue(rows.stream().allMatch(row -> row.getInt("timedCalls") <= row.getInt("calls")
                        && (row.getInt("timedCalls") > 0) == (row.getLong("totalTime") > 0)),
                what + ": totalTime exactly where calls were timed");
        long timed = rows.stream().mapToLong(row -> row.getInt("timedCalls")).sum();
        assertTrue(timed >= expected.size() / 32 && timed <= expected.size() / 8,
                what + ": " + timed + " of " + expected.size() + " calls timed, about one in 16 expected");
        // The workload pauses longer than the 1 s period: the calls must be spread over several emissions.
        assertTrue(rows.stream().map(RecordedEvent::getEndTime).distinct().count() >= 2,
                what + ": expected rows from more than one period, got " + rows.size() + " rows");

        Map<String, Long> expectedByClass = new TreeMap<>(expected.stream()
                .collect(Collectors.groupingBy(ExpectedCall::rootClass, Collectors.counting())));
        Map<String, Long> recordedByClass = new TreeMap<>(rows.stream()
                .filter(row -> row.getClass("rootClass") != null)
                .collect(Collectors.groupingBy(row -> row.getClass("rootClass").getName(),
                        Collectors.summingLong(row -> row.getInt("calls")))));
        long inOtherRows = rows.stream().filter(row -> row.getClass("rootClass") == null)
                .mapToLong(row -> row.getInt("calls")).sum();
        long expectedInOtherRows = 0;
        List<String> classProblems = new ArrayList<>();
        for (Map.Entry<String, Long> entry : expectedByClass.entrySet()) {
            Long recorded = recordedByClass.remove(entry.getKey());
            if (recorded == null) {
                expectedInOtherRows += entry.getValue();
            } else if (!recorded.equals(entry.getValue())) {
                classProblems.add(entry.getKey() + ": " + entry.getValue() + " calls, rows say " + recorded);
            }
        }
        recordedByClass.forEach((rootClass, count) -> classProblems.add(rootClass + ": no calls, rows say " + count));
        if (inOtherRows != expectedInOtherRows) {
            classProblems.add("\"other\" rows: " + expectedInOtherRows + " calls, rows say " + inOtherRows);
        }
        assertEquals(List.of(), classProblems, what + " per root class");
    }

    /** Every call of at least 64 KiB has its event; every other event took at least 10 ms. */
    private static void assertThresholded(List<ExpectedCall> calls, Recording recording, String eventName) {
        List<String> expectedLarge = calls.stream()
                .filter(call -> call.event().equals(eventName) && call.bytes() >= SIZE_THRESHOLD)
                .map(call -> call.rootClass() + " " + call.bytes() + " B")
                .sorted()
                .toList();
        List<RecordedEvent> events = recording.events(eventName);
        List<String> recordedLarge = events.stream()
                .filter(event -> event.getLong("bytes") >= SIZE_THRESHOLD)
                .map(event -> className(event.getClass("rootClass")) + " " + event.getLong("bytes") + " B")
                .sorted()
                .toList();
        assertTrue(expectedLarge.size() >= 2, "the workload must make large " + eventName + " calls");
        assertEquals(expectedLarge, recordedLarge, eventName + " events of at least 64 KiB");

        // Except the first unfiltered read of each class from a source: a security signal, never thresholded away.
        Set<String> firstUnfiltered = new HashSet<>();
        List<String> belowBoth = events.stream()
                .filter(event -> event.getLong("bytes") < SIZE_THRESHOLD
                        && event.getDuration().compareTo(DURATION_THRESHOLD) < 0)
                .filter(event -> !(eventName.equals(DeserializationEvent.NAME) && !event.getBoolean("filtered")
                        && firstUnfiltered.add(className(event.getClass("rootClass")) + " from "
                                + event.getString("channel"))))
                .map(event -> className(event.getClass("rootClass")) + " " + event.getLong("bytes") + " B in "
                        + event.getDuration().toNanos() + " ns")
                .toList();
        assertEquals(List.of(), belowBoth, eventName + " events below both thresholds");
        assertTrue(events.stream().allMatch(event -> event.getLong("contentHash") == 0),
                eventName + ": contentHash must be 0 when the production settings leave it off");
    }

    private static String className(RecordedClass type) {
        return type == null ? "" : Objects.requireNonNull(type.getName());
    }
}
