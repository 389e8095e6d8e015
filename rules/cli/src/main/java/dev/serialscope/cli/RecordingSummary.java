package dev.serialscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.SerialScopeEvents;

/**
 * The totals of a recording by direction, root class, call site, channel, thread and second. It
 * streams the file event by event, so memory grows with the number of distinct keys, not of events.
 */
final class RecordingSummary {

    static final String OTHER_CLASSES = "(other classes)";

    /** Calls, bytes, objects and time of one key. Objects are -1 where the source does not count them. */
    static final class Row {
        final String key;
        long calls;
        long bytes;
        long objects;
        long nanos;

        Row(String key) {
            this.key = key;
        }
    }

    /** One direction: writes (serialization) or reads (deserialization). */
    static final class Direction {
        final String name;
        boolean hasStatistics;
        long statisticsCalls;
        long statisticsBytes;
        long statisticsNanos;
        long statisticsFailures;
        long perCallCalls;
        long perCallBytes;
        long perCallFailures;
        final Map<String, Row> statisticsByClass = new LinkedHashMap<>();
        final Map<String, Row> perCallByClass = new LinkedHashMap<>();
        final Map<String, Row> bySite = new LinkedHashMap<>();
        final Map<String, Row> byChannel = new LinkedHashMap<>();
        final Map<String, Row> byThread = new LinkedHashMap<>();
        /** Bytes by epoch second: from statistics when the recording has them, else from per-call events. */
        final TreeMap<Long, Long> statisticsBytesPerSecond = new TreeMap<>();
        final TreeMap<Long, Long> perCallBytesPerSecond = new TreeMap<>();

        Direction(String name) {
            this.name = name;
        }

        boolean isEmpty() {
            return !hasStatistics && perCallCalls == 0;
        }

        long totalCalls() {
            return hasStatistics ? statisticsCalls : perCallCalls;
        }

        long totalBytes() {
            return hasStatistics ? statisticsBytes : perCallBytes;
        }

        /** By root class: statistics count every call, per-call events may be thresholded. */
        List<Row> byClass() {
            return sorted(hasStatistics ? statisticsByClass : perCallByClass);
        }

        TreeMap<Long, Long> bytesPerSecond() {
            return hasStatistics ? statisticsBytesPerSecond : perCallBytesPerSecond;
        }
    }

    final Direction writes = new Direction("Serialization");
    final Direction reads = new Direction("Deserialization");
    Instant first;
    Instant last;

    /**
     * Call sites and class names by their parser object: events of one chunk share stack traces and classes
     * through the constant pool, so each is resolved once per chunk instead of once per event (walking the frames
     * was most of the time). Emptied when large, so memory stays bounded whatever the recording.
     */
    private final Map<RecordedStackTrace, String> sites = new IdentityHashMap<>();
    private final Map<RecordedClass, String> classNames = new IdentityHashMap<>();
    private static final int CACHE_LIMIT = 10_000;

    static RecordingSummary read(Path file) throws IOException {
        RecordingSummary summary = new RecordingSummary();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                summary.add(recording.readEvent());
            }
        }
        return summary;
    }

    boolean hasSerialScopeEvents() {
        return !writes.isEmpty() || !reads.isEmpty();
    }

    long durationNanos() {
        return first == null ? 0 : java.time.Duration.between(first, last).toNanos();
    }

    private void add(RecordedEvent event) {
        Instant start = event.getStartTime();
        Instant end = event.getEndTime();
        if (first == null || start.isBefore(first)) {
            first = start;
        }
        if (last == null || end.isAfter(last)) {
            last = end;
        }
        switch (event.getEventType().getName()) {
        case SerialScopeEvents.SERIALIZATION -> addCall(writes, event, start);
        case SerialScopeEvents.DESERIALIZATION -> addCall(reads, event, start);
        case SerialScopeEvents.STATISTICS -> addStatistics(event);
        default -> {
            // Other events only extend the recording's time span.
        }
        }
    }

    private void addStatistics(RecordedEvent event) {
        String directionName = event.getString("direction");
        Direction direction = SerialScopeEvents.READ.equals(directionName) ? reads
                : SerialScopeEvents.WRITE.equals(directionName) ? writes : null;
        if (direction == null) {
            return;
        }
        String rootClass = className(event.getClass("rootClass"));
        long calls = event.getLong("calls");
        long bytes = event.getLong("bytes");
        long nanos = event.getLong("totalTime");
        direction.hasStatistics = true;
        direction.statisticsCalls += calls;
        direction.statisticsBytes += bytes;
        direction.statisticsNanos += nanos;
        direction.statisticsFailures += event.getLong("failures");
        Row row = row(direction.statisticsByClass, rootClass == null ? OTHER_CLASSES : rootClass);
        row.calls += calls;
        row.bytes += bytes;
        row.objects = -1;
        row.nanos += nanos;
        direction.statisticsBytesPerSecond.merge(event.getEndTime().getEpochSecond(), bytes, Long::sum);
    }

    private void addCall(Direction direction, RecordedEvent event, Instant start) {
        String rootClass = className(event.getClass("rootClass"));
        long bytes = Math.max(0, event.getLong("bytes"));
        long objects = event.getLong("objects");
        long nanos = event.getDuration().toNanos();
        String failure = event.getString("failure");
        direction.perCallCalls++;
        direction.perCallBytes += bytes;
        if (failure != null && !failure.isEmpty()) {
            direction.perCallFailures++;
        }
        RecordedThread thread = event.getThread();
        String channel = event.getString("channel");
        addTo(row(direction.perCallByClass, rootClass == null ? "(no object)" : rootClass), bytes, objects, nanos);
        addTo(row(direction.bySite, cachedSite(event.getStackTrace())), bytes, objects, nanos);
        addTo(row(direction.byChannel, channel == null || channel.isEmpty() ? "unknown" : channel), bytes, objects,
                nanos);
        addTo(row(direction.byThread, thread == null || thread.getJavaName() == null ? "(unknown thread)"
                : thread.getJavaName()), bytes, objects, nanos);
        direction.perCallBytesPerSecond.merge(start.getEpochSecond(), bytes, Long::sum);
    }

    private String cachedSite(RecordedStackTrace trace) {
        if (trace == null) {
            return CallSites.UNKNOWN;
        }
        if (sites.size() > CACHE_LIMIT) {
            sites.clear();
        }
        return sites.computeIfAbsent(trace, RecordingSummary::site);
    }

    private String className(RecordedClass type) {
        if (type == null) {
            return null;
        }
        if (classNames.size() > CACHE_LIMIT) {
            classNames.clear();
        }
        return classNames.computeIfAbsent(type, RecordedClass::getName);
    }

    /** The same call site as the rules find through JMC's parser. */
    static String site(RecordedStackTrace trace) {
        if (trace == null) {
            return CallSites.UNKNOWN;
        }
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String className = frame.getMethod().getType().getName();
            if (!CallSites.isMachinery(className)) {
                return CallSites.format(className, frame.getMethod().getName(), frame.getLineNumber());
            }
        }
        return CallSites.UNKNOWN;
    }

    private static Row row(Map<String, Row> rows, String key) {
        return rows.computeIfAbsent(key, Row::new);
    }

    private static void addTo(Row row, long bytes, long objects, long nanos) {
        row.calls++;
        row.bytes += bytes;
        row.objects += objects;
        row.nanos += nanos;
    }

    /** Most bytes first; ties by key, so that output is stable. */
    static List<Row> sorted(Map<String, Row> rows) {
        List<Row> list = new ArrayList<>(rows.values());
        list.sort(Comparator.comparingLong((Row row) -> row.bytes).reversed().thenComparing(row -> row.key));
        return list;
    }
}
