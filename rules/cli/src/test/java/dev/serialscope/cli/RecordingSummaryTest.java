package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import dev.serialscope.rules.AgentRecordings;
import dev.serialscope.rules.Recordings;
import dev.serialscope.rules.Recordings.Scenario;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.RecordingModel;

/**
 * The HTML report totals the events that analyze parsed for the rules; summary streams the file with the JDK's
 * reader. Both give the same tables.
 */
class RecordingSummaryTest {

    @Test
    void jmcItemsAndTheJdkReaderGiveTheSameTotals() throws Exception {
        for (Path file : List.of(Recordings.of(Scenario.HOT_SPOT), Recordings.of(Scenario.LARGE_PAYLOAD),
                AgentRecordings.of("PipeTaskShipping", "diagnose"))) {
            RecordingSummary streamed = RecordingSummary.read(file, CallSites.DEFAULT);
            RecordingSummary parsed = RecordingSummary.of(RecordingModel.of(JfrLoaderToolkit.loadEvents(file.toFile())));
            assertTrue(Math.abs(streamed.durationNanos() - parsed.durationNanos()) < 1_000, file.toString());
            for (boolean writes : new boolean[] {true, false}) {
                RecordingSummary.Direction expected = writes ? streamed.writes : streamed.reads;
                RecordingSummary.Direction actual = writes ? parsed.writes : parsed.reads;
                String where = file + " " + expected.name;
                assertEquals(expected.totalCalls(), actual.totalCalls(), where);
                assertEquals(expected.totalBytes(), actual.totalBytes(), where);
                assertEquals(rows(expected.byClass()), rows(actual.byClass()), where);
                assertEquals(rows(RecordingSummary.sorted(expected.bySite)),
                        rows(RecordingSummary.sorted(actual.bySite)), where);
                assertEquals(rows(RecordingSummary.sorted(expected.byChannel)),
                        rows(RecordingSummary.sorted(actual.byChannel)), where);
                assertEquals(rows(RecordingSummary.sorted(expected.byThread)),
                        rows(RecordingSummary.sorted(actual.byThread)), where);
                assertSameTimeline(expected.timeline(), actual.timeline(), where);
            }
        }
    }

    /**
     * The same spans; the first may start a little apart, since it starts no earlier than the recording: its first
     * event for the JDK's reader, its first chunk for JMC's parser.
     */
    private static void assertSameTimeline(List<Timeline.Span> expected, List<Timeline.Span> actual, String where) {
        assertEquals(expected.size(), actual.size(), where);
        for (int i = 0; i < expected.size(); i++) {
            Timeline.Span streamed = expected.get(i);
            Timeline.Span parsed = actual.get(i);
            assertEquals(List.of(streamed.endNanos(), streamed.bytes(), streamed.flush()),
                    List.of(parsed.endNanos(), parsed.bytes(), parsed.flush()), where + " span " + i);
            assertTrue(Math.abs(streamed.startNanos() - parsed.startNanos()) < 50_000_000L, where + " span " + i);
        }
    }

    private static Map<String, List<Long>> rows(List<RecordingSummary.Row> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.key,
                row -> List.of(row.calls, row.bytes, row.objects, row.nanos)));
    }
}
