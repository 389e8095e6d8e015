package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.TomcatSessions;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tomcat 10's StandardManager persisting sessions to SESSIONS.ser and reading them back, with and without Tomcat's
 * allow-list (sessionAttributeValueClassNameFilter, checked in its stream's resolveClass): exact calls and bytes
 * (the stream's calls add up to the file, less its 4-byte header), the embedding application's frame as the call
 * site, and Unfiltered Deserialization, with Tomcat's own setting as the fix, only without the allow-list.
 */
class TomcatSessionsE2ETest {

    private static final String CART = TomcatSessions.Cart.class.getName();
    private static final String SITE = "dev.serialscope.e2e.programs.TomcatSessions.main:";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void sessionsReadWithoutTheAllowListAreUnfiltered(Jdk jdk, @TempDir Path dir) throws Exception {
        Sessions sessions = Sessions.record(jdk, dir, false);
        Launcher.Result sites = Launcher.run(jdk, dir, 120, "summary", sessions.run.recordingFile().toString(),
                "--by", "site");
        assertAll(sessions.exact());
        assertAll(
                // Tomcat loads sessions when the application starts it and writes them when it stops it.
                () -> assertTrue(sites.stdout().contains(SITE) && sites.stdout().contains(" via Tomcat.start")
                        && sites.stdout().contains(" via Tomcat.stop"), sites.describe()),
                () -> assertTrue(sessions.analyze.stdout().matches("(?s).*INFO +Unfiltered Deserialization.*"),
                        sessions.analyze.describe()),
                () -> assertTrue(sessions.analyze.stdout().contains("sessionAttributeValueClassNameFilter"),
                        sessions.analyze.describe()),
                () -> assertTrue(sessions.reads.stream().noneMatch(read -> read.getBoolean("resolveClassOverridden")),
                        "Tomcat's stream without an allow-list checks nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void sessionsReadWithTheAllowListAreGuarded(Jdk jdk, @TempDir Path dir) throws Exception {
        Sessions sessions = Sessions.record(jdk, dir, true);
        assertAll(sessions.exact());
        assertAll(
                () -> assertTrue(sessions.analyze.stdout().matches("(?s).*OK +Unfiltered Deserialization.*"),
                        sessions.analyze.describe()),
                () -> assertFalse(sessions.analyze.stdout().contains("without a serial filter: "),
                        sessions.analyze.describe()),
                () -> assertTrue(sessions.reads.stream().allMatch(read -> read.getBoolean("resolveClassOverridden")),
                        "Tomcat's stream with an allow-list checks classes"));
    }

    /** One run of the program and what the recording and the analysis say. */
    private record Sessions(ChildRun run, List<RecordedEvent> writes, List<RecordedEvent> reads,
            Launcher.Result analyze) {

        static Sessions record(Jdk jdk, Path dir, boolean allowList) throws Exception {
            ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE)
                    .classPathOf(TomcatSessions.class, Tomcat.class)
                    .run(TomcatSessions.class, allowList ? "allow-list" : "none").assertSucceeded();
            Recording recording = run.recording();
            Launcher.Result analyze = Launcher.run(jdk, dir, 120, "analyze", run.recordingFile().toString(),
                    "--min", "ok");
            return new Sessions(run, recording.events(SerializationEvent.NAME),
                    recording.events(DeserializationEvent.NAME), analyze);
        }

        long fileBytes() {
            String[] words = run.stdout().strip().split(" ");
            return Long.parseLong(words[words.length - 1]);
        }

        /** Calls of the stream that carried the carts, by stream id; 4 bytes of header make up the file. */
        static long streamBytes(List<RecordedEvent> calls) {
            Map<Long, List<RecordedEvent>> byStream = calls.stream()
                    .collect(Collectors.groupingBy(call -> call.getLong("streamId")));
            return byStream.values().stream()
                    .filter(stream -> stream.stream().anyMatch(call -> rootClass(call).equals(CART)))
                    .mapToLong(stream -> stream.stream().mapToLong(call -> call.getLong("bytes")).sum())
                    .sum();
        }

        static String rootClass(RecordedEvent call) {
            return call.getClass("rootClass") == null ? "" : call.getClass("rootClass").getName();
        }

        org.junit.jupiter.api.function.Executable[] exact() {
            return new org.junit.jupiter.api.function.Executable[] {
                () -> assertTrue(run.stdout().startsWith("sessions " + TomcatSessions.SESSIONS + " restored "
                        + TomcatSessions.SESSIONS + " file "), run.stdout()),
                () -> assertEquals(TomcatSessions.SESSIONS, writes.stream().filter(w -> rootClass(w).equals(CART))
                        .count(), "carts written"),
                () -> assertEquals(TomcatSessions.SESSIONS, reads.stream().filter(r -> rootClass(r).equals(CART))
                        .count(), "carts read"),
                () -> assertEquals(fileBytes() - 4, streamBytes(writes), "bytes written to SESSIONS.ser"),
                () -> assertEquals(fileBytes() - 4, streamBytes(reads), "bytes read from SESSIONS.ser"),
                () -> assertTrue(reads.stream().allMatch(read -> read.getString("channel").startsWith("file ")
                        && read.getString("channel").endsWith("SESSIONS.ser")), "channel of the reads")
            };
        }
    }
}
