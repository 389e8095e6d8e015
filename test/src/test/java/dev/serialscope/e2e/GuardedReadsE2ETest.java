package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.GuardedReads;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.apache.commons.io.serialization.ValidatingObjectInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads through a stream that checks classes in resolveClass (Commons IO's ValidatingObjectInputStream)
 * are recorded as such and not counted as unfiltered; plain reads from a socket are, and, small as they
 * are, the first of their class from each socket still gets its per-call event in the production profile.
 */
class GuardedReadsE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void resolveClassGuardsAreNotUnfiltered(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .classPathOf(GuardedReads.class, ValidatingObjectInputStream.class)
                .run(GuardedReads.class).assertSucceeded();
        Recording recording = run.recording();
        // Below both of the production profile's thresholds (64 KiB, 10 ms): a cold first read may take longer.
        List<RecordedEvent> reads = recording.events(DeserializationEvent.NAME).stream()
                .filter(read -> read.getDuration().compareTo(Duration.ofMillis(10)) < 0).toList();
        List<RecordedEvent> guarded = reads.stream().filter(read -> read.getBoolean("resolveClassOverridden")).toList();
        List<RecordedEvent> plain = reads.stream().filter(read -> !read.getBoolean("resolveClassOverridden")).toList();
        long unfilteredCounted = recording.events(SerializationStatisticsEvent.NAME).stream()
                .filter(row -> row.getString("direction").equals(SerializationStatisticsEvent.READ))
                .mapToLong(row -> row.getInt("unfilteredCalls")).sum();
        Launcher.Result analyze = Launcher.run(jdk, dir, 120, "analyze", run.recordingFile().toString(), "--min", "ok");

        assertAll(
                () -> assertEquals("guarded 25, plain 25", run.stdout().strip()),
                () -> assertTrue(plain.size() <= 1, "plain reads below the thresholds with a per-call event: at most the "
                        + "first of their class from the socket"),
                () -> assertTrue(recording.events(DeserializationEvent.NAME).stream().anyMatch(read ->
                        !read.getBoolean("resolveClassOverridden")), "the first plain read has its per-call event"),
                () -> assertTrue(plain.stream().allMatch(read -> !read.getBoolean("filtered")
                        && read.getString("channel").startsWith("socket 127.0.0.1:")), "plain read events"),
                () -> assertEquals(List.of(), guarded, "a guarded read is no news: no per-call event below the "
                        + "thresholds"),
                () -> assertEquals(25, unfilteredCounted, "statistics: unfiltered reads are the plain ones"),
                () -> assertTrue(analyze.stdout().contains("The agent counted 25 reads without a filter"),
                        analyze.describe()));
    }
}
