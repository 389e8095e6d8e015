package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Issue 16: the HTML report bucketed the statistics by wall second, which gave empty bars where a period of
 * 1.03 s skipped a second and spikes where a period and the final flush fell into one.
 */
class TimelineTest {

    private static final long MS = 1_000_000L;
    private static final long START = 1_000_000_000_000L;

    @Test
    void eachPeriodSpansTheTimeSinceTheLastEmissionAndTheFlushItsOwnShorterTime() {
        // Emissions every 1.03 s, rows of one emission a few microseconds apart; the last is the final flush
        // 240 ms after the period before it. Reads alone at the third emission: writes had no call in that period.
        TreeSet<Long> emissions = new TreeSet<>(List.of(at(1030), at(1030) + 5_000, at(2060), at(3090), at(4120),
                at(4360)));
        TreeMap<Long, Long> writes = new TreeMap<>();
        writes.put(at(1030), 1_000L);
        writes.put(at(1030) + 5_000, 30L);
        writes.put(at(3090), 2_060L);
        writes.put(at(4120), 1_030L);
        writes.put(at(4360), 480L);

        List<Timeline.Span> spans = Timeline.ofStatistics(writes, emissions, START);

        assertEquals(List.of(new Timeline.Span(at(0), at(1030), 1_030, false),
                new Timeline.Span(at(2060), at(3090), 2_060, false),
                new Timeline.Span(at(3090), at(4120), 1_030, false),
                new Timeline.Span(at(4120), at(4360), 480, true)), spans);
        assertEquals(List.of(1_000.0, 2_000.0, 1_000.0, 2_000.0),
                spans.stream().map(span -> Math.rint(span.bytesPerSecond())).toList(),
                "rates over each span's own length, the flush's 480 B over 240 ms too");
    }

    @Test
    void perCallEventsAreSummedBySecondFromTheFirst() {
        TreeMap<Long, Long> calls = new TreeMap<>();
        calls.put(at(100), 10L);
        calls.put(at(900), 20L);
        calls.put(at(2500), 5L);
        assertEquals(List.of(new Timeline.Span(at(100), at(1100), 30, false),
                new Timeline.Span(at(2100), at(3100), 5, false)), Timeline.ofCalls(calls));
    }

    private static long at(long millis) {
        return START + millis * MS;
    }
}
