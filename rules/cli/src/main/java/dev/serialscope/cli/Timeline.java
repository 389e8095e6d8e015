package dev.serialscope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bytes over time as spans with their own length, so that a rate is the bytes of a span over its span. The
 * statistics events are instant events written once per period (1 s by default) with what was counted since the
 * previous period, plus once more when a chunk or the recording ends (a flush, over the shorter time since the
 * last period). Wall-second buckets put two periods, or a period and the flush, into one second and none into the
 * next: false spikes and empty bars.
 */
final class Timeline {

    /** The rows of one emission are committed together; separate emissions are about a period apart. */
    private static final long SAME_EMISSION_NANOS = 20_000_000L;
    /** The statistics' default period, for recordings with fewer than two emissions. */
    private static final long DEFAULT_PERIOD_NANOS = 1_000_000_000L;
    /** An emission this much shorter than the period is a flush, not a period. */
    private static final double FLUSH_FRACTION = 0.9;

    /**
     * Bytes from {@code startNanos} to {@code endNanos} (epoch nanoseconds).
     *
     * @param flush the calls counted since the last period when a chunk or the recording ended
     */
    record Span(long startNanos, long endNanos, long bytes, boolean flush) {

        long nanos() {
            return Math.max(1, endNanos - startNanos);
        }

        double bytesPerSecond() {
            return bytes * 1e9 / nanos();
        }
    }

    private Timeline() {
    }

    /**
     * The spans of one direction's statistics.
     *
     * @param bytesByEnd the direction's bytes by the end time of their statistics events
     * @param emissions the end times of every statistics event of the recording, both directions: a period with
     *        no call of this direction still ends at the next emission
     * @param recordingStartNanos when the recording began, so that the first period starts no earlier
     */
    static List<Span> ofStatistics(TreeMap<Long, Long> bytesByEnd, NavigableSet<Long> emissions,
            long recordingStartNanos) {
        List<Long> instants = emissionInstants(emissions);
        long period = period(instants);
        TreeMap<Long, Long> bytesByEmission = new TreeMap<>();
        for (Map.Entry<Long, Long> row : bytesByEnd.entrySet()) {
            Long emission = instants.get(indexOf(instants, row.getKey()));
            bytesByEmission.merge(emission, row.getValue(), Long::sum);
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            Long end = instants.get(i);
            Long bytes = bytesByEmission.get(end);
            if (bytes == null) {
                continue;
            }
            long start = Math.max(end - period, recordingStartNanos);
            boolean flush = false;
            if (i > 0) {
                long previous = instants.get(i - 1);
                start = Math.max(start, previous);
                flush = end - previous < FLUSH_FRACTION * period;
            }
            spans.add(new Span(Math.min(start, end), end, bytes, flush));
        }
        return spans;
    }

    /** Per-call events in whole seconds from the first of them: they have times of their own. */
    static List<Span> ofCalls(TreeMap<Long, Long> bytesByStart) {
        if (bytesByStart.isEmpty()) {
            return List.of();
        }
        long origin = bytesByStart.firstKey();
        TreeMap<Long, Long> bySecond = new TreeMap<>();
        bytesByStart.forEach((start, bytes) -> bySecond.merge(
                Math.floorDiv(start - origin, DEFAULT_PERIOD_NANOS), bytes, Long::sum));
        List<Span> spans = new ArrayList<>();
        bySecond.forEach((second, bytes) -> {
            long start = origin + second * DEFAULT_PERIOD_NANOS;
            spans.add(new Span(start, start + DEFAULT_PERIOD_NANOS, bytes, false));
        });
        return spans;
    }

    /** The first end time of each emission (rows committed within {@link #SAME_EMISSION_NANOS}). */
    private static List<Long> emissionInstants(NavigableSet<Long> ends) {
        List<Long> instants = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (long end : new TreeSet<>(ends)) {
            if (instants.isEmpty() || end - last > SAME_EMISSION_NANOS) {
                instants.add(end);
            }
            last = end;
        }
        return instants;
    }

    /** The emission an end time belongs to: the last one at or before it. */
    private static int indexOf(List<Long> instants, long end) {
        int low = 0;
        int high = instants.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (instants.get(middle) <= end) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The usual time between emissions: the median gap, which flushes and idle stretches do not move. */
    private static long period(List<Long> instants) {
        if (instants.size() < 2) {
            return DEFAULT_PERIOD_NANOS;
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < instants.size(); i++) {
            gaps.add(instants.get(i) - instants.get(i - 1));
        }
        gaps.sort(null);
        return gaps.get(gaps.size() / 2);
    }
}
