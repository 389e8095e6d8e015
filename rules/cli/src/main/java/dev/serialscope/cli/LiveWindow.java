package dev.serialscope.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.recording.SerialScopeEvents;

/**
 * What {@code top} saw in one interval, as rows of the chosen key. Calls, bytes and time come from the statistics
 * events (every call) or, by site, from the per-call events (only the calls that reached their threshold); the
 * largest call of a row comes from the per-call events, channels from the channel statistics.
 */
final class LiveWindow {

    /** What the rows are: {@code --by}. */
    enum By {
        CLASS, SITE, CHANNEL, FRAMEWORK;

        static final List<String> NAMES = List.of("class", "site", "channel", "framework");

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The key of the row that sums the classes the agent reports together. */
    static final String OTHER_CLASSES = "(other classes)";

    /** One row: a direction and a key, with what was counted for it in the interval. */
    static final class Row {
        final String direction;
        final String key;
        long calls;
        long bytes;
        long nanos;
        /** Bytes of the largest per-call event (or channel operation); -1 when there was none. */
        long largest = -1;

        private Row(String direction, String key) {
            this.direction = direction;
            this.key = key;
        }
    }

    private final By by;
    private final String direction;
    private final Instant start;
    private final Duration length;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private long perCallEvents;
    private double jvmCpu = -1;

    /** {@code direction}: write, read, or null for both. */
    LiveWindow(By by, String direction, Instant start, Duration length) {
        this.by = by;
        this.direction = direction;
        this.start = start;
        this.length = length;
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return start.plus(length);
    }

    Duration length() {
        return length;
    }

    By by() {
        return by;
    }

    /** The window after this one, with the same key and direction. */
    LiveWindow next() {
        return new LiveWindow(by, direction, end(), length);
    }

    void add(RecordedEvent event) {
        String type = event.getEventType().getName();
        switch (type) {
        case SerialScopeEvents.STATISTICS -> statistics(event);
        case SerialScopeEvents.SERIALIZATION -> call(event, SerialScopeEvents.WRITE);
        case SerialScopeEvents.DESERIALIZATION -> call(event, SerialScopeEvents.READ);
        case SerialScopeEvents.CHANNEL_STATISTICS -> channel(event);
        case LiveSettings.CPU_LOAD -> jvmCpu = event.getFloat("jvmUser") + event.getFloat("jvmSystem");
        default -> {
            // Other event types of the stream (none are enabled) are not shown.
        }
        }
    }

    private void statistics(RecordedEvent event) {
        String eventDirection = event.getString("direction");
        if (by == By.SITE || by == By.CHANNEL || !wanted(eventDirection)) {
            return;
        }
        Row row = row(eventDirection, by == By.FRAMEWORK ? event.getString("framework") : rootClass(event));
        row.calls += event.getInt("calls");
        row.bytes += event.getLong("bytes");
        row.nanos += event.getLong("totalTime");
    }

    private void call(RecordedEvent event, String eventDirection) {
        if (by == By.CHANNEL || !wanted(eventDirection)) {
            return;
        }
        perCallEvents++;
        String key = switch (by) {
        case SITE -> site(event.getStackTrace());
        case FRAMEWORK -> event.getString("framework");
        default -> rootClass(event);
        };
        Row row = rows.get(eventDirection + " " + key);
        if (by == By.SITE) {
            row = row(eventDirection, key);
            row.calls++;
            row.bytes += Math.max(0, event.getLong("bytes"));
            row.nanos += event.getDuration().toNanos();
        } else if (row == null) {
            // A class reported in the "other" row of the statistics: its largest call still belongs there.
            row = row(eventDirection, OTHER_CLASSES);
        }
        row.largest = Math.max(row.largest, event.getLong("bytes"));
    }

    private void channel(RecordedEvent event) {
        String eventDirection = event.getString("direction");
        if (by != By.CHANNEL || !wanted(eventDirection)) {
            return;
        }
        Row row = row(eventDirection, event.getString("channel"));
        row.calls += event.getInt("operations");
        row.bytes += event.getLong("bytes");
        row.nanos += event.getLong("totalTime");
        row.largest = Math.max(row.largest, event.getLong("largestOperation"));
    }

    private boolean wanted(String eventDirection) {
        return direction == null || direction.equals(eventDirection);
    }

    private Row row(String rowDirection, String key) {
        return rows.computeIfAbsent(rowDirection + " " + key, ignored -> new Row(rowDirection, key));
    }

    private static String rootClass(RecordedEvent event) {
        RecordedClass type = event.getClass("rootClass");
        return type == null ? OTHER_CLASSES : Composition.stableName(readable(type.getName()));
    }

    /** An array class as the JDK's tools print it, {@code byte[]} or {@code java.lang.String[][]}, not {@code [B}. */
    static String readable(String binaryName) {
        int dimensions = 0;
        while (dimensions < binaryName.length() && binaryName.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return binaryName;
        }
        String component = binaryName.substring(dimensions);
        String element = switch (component) {
        case "Z" -> "boolean";
        case "B" -> "byte";
        case "C" -> "char";
        case "S" -> "short";
        case "I" -> "int";
        case "J" -> "long";
        case "F" -> "float";
        case "D" -> "double";
        default -> component.startsWith("L") && component.endsWith(";")
                ? component.substring(1, component.length() - 1) : component;
        };
        return element + "[]".repeat(dimensions);
    }

    private static String site(RecordedStackTrace trace) {
        if (trace == null) {
            return CallSites.UNKNOWN;
        }
        return CallSites.DEFAULT.of(trace.getFrames(),
                (RecordedFrame frame) -> frame.getMethod() == null ? null : frame.getMethod().getType().getName(),
                frame -> frame.getMethod().getName(), RecordedFrame::getLineNumber);
    }

    /** The rows, most bytes first, then most calls. */
    List<Row> rows() {
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingLong((Row row) -> row.bytes).thenComparingLong(row -> row.calls).reversed());
        return sorted;
    }

    Row total() {
        Row total = new Row(direction, "total");
        for (Row row : rows.values()) {
            total.calls += row.calls;
            total.bytes += row.bytes;
            total.nanos += row.nanos;
            total.largest = Math.max(total.largest, row.largest);
        }
        return total;
    }

    /** Serialization and Deserialization events in the window (calls that reached their threshold). */
    long perCallEvents() {
        return perCallEvents;
    }

    /** The JVM's CPU load in the window (user and system, 0 to 1 of the machine), or -1 when not reported. */
    double jvmCpu() {
        return jvmCpu;
    }

    /** Per second of the window. */
    double rate(long count) {
        return count * 1e9 / length.toNanos();
    }

    /** Time in calls as a share of the window, 1.0 standing for one thread busy the whole window. */
    double timeShare(long nanos) {
        return (double) nanos / length.toNanos();
    }
}
