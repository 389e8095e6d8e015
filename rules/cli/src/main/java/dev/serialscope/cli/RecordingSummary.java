package dev.serialscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.recording.EventFields;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.StatisticsRow;

/**
 * The totals of a recording by direction, root class, call site, channel, thread and second. {@code summary}
 * streams the file event by event with the JDK's reader, so memory grows with the number of distinct keys, not of
 * events; {@code analyze --format html} totals the events JMC's parser already read for the rules.
 */
final class RecordingSummary {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Said instead of call-site, channel and thread tables when a direction has no per-call event. */
    static final String NO_PER_CALL_EVENTS = "No per-call events: no call passed the recording's size and duration "
            + "thresholds, so there are no call sites, channels or threads to show (the statistics above count every "
            + "call; record with --profile diagnose for every call's event).";

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
        /** Only the calls made for a data-grid map or other store. */
        final Map<String, Row> byStore = new LinkedHashMap<>();
        /** Bytes by the end time of their statistics events, and by the start time of per-call events (epoch ns). */
        final TreeMap<Long, Long> statisticsBytesByEnd = new TreeMap<>();
        final TreeMap<Long, Long> perCallBytesByStart = new TreeMap<>();
        private final RecordingSummary recording;

        Direction(String name, RecordingSummary recording) {
            this.name = name;
            this.recording = recording;
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

        /** Bytes over time: the statistics' periods when the recording has them, else per-call events by second. */
        List<Timeline.Span> timeline() {
            return hasStatistics
                    ? Timeline.ofStatistics(statisticsBytesByEnd, recording.statisticsEnds, recording.startNanos)
                    : Timeline.ofCalls(perCallBytesByStart);
        }
    }

    final Direction writes = new Direction("Serialization", this);
    final Direction reads = new Direction("Deserialization", this);
    private long durationNanos;
    /** When the recording began (epoch ns), and when each statistics event of either direction was written. */
    private long startNanos;
    private final TreeSet<Long> statisticsEnds = new TreeSet<>();

    private final CallSites callSites;
    private boolean recordedWithAgent;
    /**
     * Call sites and class names by their parser object: events of one chunk share stack traces and classes
     * through the constant pool, so each is resolved once per chunk instead of once per event (walking the frames
     * was most of the time). Emptied when large, so memory stays bounded whatever the recording.
     */
    private final Map<RecordedStackTrace, String> sites = new IdentityHashMap<>();
    private final Map<RecordedClass, String> classNames = new IdentityHashMap<>();
    private static final int CACHE_LIMIT = 10_000;

    private RecordingSummary(CallSites callSites) {
        this.callSites = callSites;
    }

    /** Streams the file with the JDK's reader. */
    static RecordingSummary read(Path file, CallSites callSites) throws IOException {
        RecordingSummary summary = new RecordingSummary(callSites);
        Instant first = null;
        Instant last = null;
        try (RecordingFile recording = new RecordingFile(file)) {
            // Flight Recorder lists the agent's event types even when none of them occurred.
            summary.recordedWithAgent = recording.readEventTypes().stream()
                    .anyMatch(type -> type.getName().startsWith(SerialScopeEvents.PREFIX));
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                Instant start = event.getStartTime();
                Instant end = event.getEndTime();
                if (first == null || start.isBefore(first)) {
                    first = start;
                }
                if (last == null || end.isAfter(last)) {
                    last = end;
                }
                summary.add(event);
            }
        }
        summary.durationNanos = first == null ? 0 : Duration.between(first, last).toNanos();
        summary.startNanos = first == null ? 0 : epochNanos(first);
        return summary;
    }

    /** Totals the SerialScope events that JMC's parser read. */
    static RecordingSummary of(RecordingModel recording) {
        RecordingSummary summary = new RecordingSummary(recording.callSites());
        summary.addCalls(summary.writes, recording.apply(ItemFilters.type(SerialScopeEvents.SERIALIZATION)));
        summary.addCalls(summary.reads, recording.apply(ItemFilters.type(SerialScopeEvents.DESERIALIZATION)));
        for (String direction : List.of(SerialScopeEvents.WRITE, SerialScopeEvents.READ)) {
            for (StatisticsRow row : StatisticsRow.readAll(recording, direction)) {
                summary.addStatistics(direction, row.rootClass(), row.calls(), row.bytes(), row.totalTimeNanos(),
                        row.failures(), row.endNanos());
            }
        }
        summary.durationNanos = recording.spanNanos();
        // The chunks' time ranges: where the recording began, without another pass over the events.
        summary.startNanos = recording.getUnfilteredTimeRanges().stream()
                .mapToLong(range -> range.getStart().clampedLongValueIn(UnitLookup.EPOCH_NS)).min().orElse(0);
        return summary;
    }

    private void addCalls(Direction direction, IItemCollection calls) {
        // Events share stack traces through the constant pool: walk each one's frames once.
        Map<IMCStackTrace, String> sites = new IdentityHashMap<>();
        for (IItemIterable batch : calls) {
            IType<IItem> type = batch.getType();
            var rootClass = EventFields.accessor(SerialScopeEvents.ROOT_CLASS, type);
            var bytes = EventFields.accessor(SerialScopeEvents.BYTES, type);
            var objects = EventFields.accessor(SerialScopeEvents.OBJECTS, type);
            var duration = EventFields.accessor(JfrAttributes.DURATION, type);
            var failure = EventFields.accessor(SerialScopeEvents.FAILURE, type);
            var thread = EventFields.accessor(JfrAttributes.EVENT_THREAD, type);
            var channel = EventFields.accessor(SerialScopeEvents.CHANNEL, type);
            var store = EventFields.accessor(SerialScopeEvents.STORE, type);
            var stackTrace = EventFields.accessor(JfrAttributes.EVENT_STACKTRACE, type);
            var start = EventFields.accessor(JfrAttributes.START_TIME, type);
            for (IItem item : batch) {
                IMCType root = EventFields.get(rootClass, item);
                IMCThread javaThread = EventFields.get(thread, item);
                IMCStackTrace trace = EventFields.get(stackTrace, item);
                addCall(direction, root == null ? null : root.getFullName(),
                        trace == null ? CallSites.UNKNOWN : sites.computeIfAbsent(trace, callSites::of),
                        EventFields.get(channel, item), javaThread == null ? null : javaThread.getThreadName(),
                        EventFields.get(store, item), EventFields.longValue(EventFields.get(bytes, item), UnitLookup.BYTE, 0),
                        count(EventFields.get(objects, item)),
                        EventFields.longValue(EventFields.get(duration, item), UnitLookup.NANOSECOND, 0),
                        EventFields.get(failure, item),
                        EventFields.longValue(EventFields.get(start, item), UnitLookup.EPOCH_NS, 0));
            }
        }
    }

    private static long count(IQuantity quantity) {
        return EventFields.longValue(quantity, UnitLookup.NUMBER_UNITY, 0);
    }

    private static long epochNanos(Instant time) {
        return time.getEpochSecond() * NANOS_PER_SECOND + time.getNano();
    }

    boolean recordedWithAgent() {
        return recordedWithAgent || !writes.isEmpty() || !reads.isEmpty();
    }

    long durationNanos() {
        return durationNanos;
    }

    private void add(RecordedEvent event) {
        switch (event.getEventType().getName()) {
        case SerialScopeEvents.SERIALIZATION -> addCall(writes, event);
        case SerialScopeEvents.DESERIALIZATION -> addCall(reads, event);
        case SerialScopeEvents.STATISTICS -> addStatistics(event.getString("direction"),
                className(event.getClass("rootClass")), event.getLong("calls"), event.getLong("bytes"),
                event.getLong("totalTime"), event.getLong("failures"), epochNanos(event.getEndTime()));
        default -> {
            // Other events only extend the recording's time span.
        }
        }
    }

    private void addCall(Direction direction, RecordedEvent event) {
        RecordedThread thread = event.getThread();
        addCall(direction, className(event.getClass("rootClass")), cachedSite(event.getStackTrace()),
                event.getString("channel"), thread == null ? null : thread.getJavaName(), store(event), event.getLong("bytes"),
                event.getLong("objects"), event.getDuration().toNanos(), event.getString("failure"),
                epochNanos(event.getStartTime()));
    }

    private void addStatistics(String directionName, String rootClass, long calls, long bytes, long nanos,
            long failures, long endNanos) {
        Direction direction = SerialScopeEvents.READ.equals(directionName) ? reads
                : SerialScopeEvents.WRITE.equals(directionName) ? writes : null;
        if (direction == null) {
            return;
        }
        direction.hasStatistics = true;
        direction.statisticsCalls += calls;
        direction.statisticsBytes += bytes;
        direction.statisticsNanos += nanos;
        direction.statisticsFailures += failures;
        Row row = row(direction.statisticsByClass, rootClass == null ? StatisticsRow.OTHER_CLASSES
                : Composition.stableName(rootClass));
        row.calls += calls;
        row.bytes += bytes;
        row.objects = -1;
        row.nanos += nanos;
        direction.statisticsBytesByEnd.merge(endNanos, bytes, Long::sum);
        statisticsEnds.add(endNanos);
    }

    /** One per-call event; {@code bytes} -1 when unmeasured, null names when the event has none. */
    private static void addCall(Direction direction, String rootClass, String site, String channel, String thread,
            String store, long bytes, long objects, long nanos, String failure, long startNanos) {
        long counted = Math.max(0, bytes);
        direction.perCallCalls++;
        direction.perCallBytes += counted;
        if (failure != null && !failure.isEmpty()) {
            direction.perCallFailures++;
        }
        // Lambda classes by their stable name (Job$$Lambda), as the rules name them.
        addTo(row(direction.perCallByClass, rootClass == null ? Call.NO_OBJECT : Composition.stableName(rootClass)),
                counted, objects, nanos);
        addTo(row(direction.bySite, site), counted, objects, nanos);
        addTo(row(direction.byChannel, channel == null || channel.isEmpty() ? "unknown" : channel), counted, objects,
                nanos);
        addTo(row(direction.byThread, thread == null ? "(unknown thread)" : thread), counted, objects, nanos);
        if (store != null && !store.isEmpty()) {
            addTo(row(direction.byStore, store), counted, objects, nanos);
        }
        direction.perCallBytesByStart.merge(startNanos, counted, Long::sum);
    }

    /** The event's data-grid map, or null: recordings from before the field have none. */
    private static String store(RecordedEvent event) {
        return event.hasField("store") ? event.getString("store") : null;
    }

    private String cachedSite(RecordedStackTrace trace) {
        if (trace == null) {
            return CallSites.UNKNOWN;
        }
        if (sites.size() > CACHE_LIMIT) {
            sites.clear();
        }
        return sites.computeIfAbsent(trace, this::site);
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
    private String site(RecordedStackTrace trace) {
        return callSites.of(trace.getFrames(),
                frame -> frame.getMethod() == null || frame.getMethod().getType() == null ? null
                        : frame.getMethod().getType().getName(),
                frame -> frame.getMethod().getName(), RecordedFrame::getLineNumber);
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
