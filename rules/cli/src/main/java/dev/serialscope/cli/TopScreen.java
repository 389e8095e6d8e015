package dev.serialscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

/** One interval of {@code top} as a screen of text (at most the terminal's size) or as a JSON document. */
final class TopScreen {

    /** The smallest terminal the table fits: the header, the column titles, three rows and the footer. */
    static final int MIN_COLUMNS = 72;
    static final int MIN_LINES = 8;
    private static final int HEADER_LINES = 4;
    private static final int FOOTER_LINES = 2;
    private static final String ROW_FORMAT = "%-5s %10s %11s %6s %10s  %s";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final LiveTarget target;
    private final String direction;

    /** {@code direction}: write, read, or null for both. */
    TopScreen(LiveTarget target, String direction) {
        this.target = target;
        this.direction = direction;
    }

    /** The screen's lines, cut to {@code columns} and {@code lines}; {@code interactive} adds the key help. */
    List<String> text(LiveWindow window, int columns, int lines, boolean interactive) {
        List<String> screen = new ArrayList<>();
        LiveWindow.Row total = window.total();
        screen.add(String.format(Locale.ROOT, "serialscope top  JVM %d %s  by %s, %s  every %s  %s", target.pid(),
                program(target.mainClass()), window.by().label(), direction == null ? "writes and reads" : direction + "s only",
                seconds(window), CLOCK.format(LocalTime.ofInstant(window.end(), ZoneId.systemDefault()))));
        screen.add(String.format(Locale.ROOT, "%s %s/s, %s/s, time %s %% of a thread%s", window.by() == LiveWindow.By.CHANNEL
                ? "channels:" : "calls:", rate(window, total.calls), Units.bytes(Math.round(window.rate(total.bytes))),
                percent(window.timeShare(total.nanos)), window.jvmCpu() < 0 ? ""
                        : String.format(Locale.ROOT, "; JVM cpu %.1f %% of the machine", 100 * window.jvmCpu())));
        screen.add("");
        screen.add(String.format(Locale.ROOT, ROW_FORMAT, "DIR", window.by() == LiveWindow.By.CHANNEL ? "OPS/S" : "CALLS/S",
                "BYTES/S", "TIME%", "LARGEST", window.by().label().toUpperCase(Locale.ROOT)));
        List<LiveWindow.Row> rows = window.rows();
        int room = Math.max(0, lines - HEADER_LINES - FOOTER_LINES);
        for (LiveWindow.Row row : rows.subList(0, Math.min(room, rows.size()))) {
            screen.add(String.format(Locale.ROOT, ROW_FORMAT, row.direction, rate(window, row.calls),
                    Units.bytes(Math.round(window.rate(row.bytes))), percent(window.timeShare(row.nanos)),
                    row.largest < 0 ? "-" : Units.bytes(row.largest), row.key));
        }
        screen.add("");
        screen.add(note(window, rows.size() - Math.min(room, rows.size()))
                + (interactive ? "; q quits" : ""));
        return screen.stream().map(line -> line.length() > columns ? line.substring(0, columns) : line).toList();
    }

    /** A main class without its package; a jar or source file without its directory. */
    private static String program(String main) {
        if (main.endsWith(".jar") || main.endsWith(".java")) {
            return main.substring(main.lastIndexOf('/') + 1);
        }
        return main.substring(main.lastIndexOf('.') + 1);
    }

    /** What the table is made of, and what it cannot show. */
    private static String note(LiveWindow window, int hidden) {
        String more = hidden > 0 ? hidden + " more rows; " : "";
        return switch (window.by()) {
        case SITE -> more + (window.perCallEvents() == 0
                ? "no per-call events this interval: sites come only from calls of at least " + LiveSettings.CALL_THRESHOLD
                : "sites of the " + window.perCallEvents() + " calls of at least " + LiveSettings.CALL_THRESHOLD + " only");
        case CHANNEL -> more + "every read and write of sockets, pipes and files; LARGEST: largest operation";
        default -> more + "every call; LARGEST: largest call of at least " + LiveSettings.CALL_THRESHOLD
                + " (- none); time from 1 call in 16";
        };
    }

    private static String rate(LiveWindow window, long count) {
        double perSecond = window.rate(count);
        return perSecond >= 100 || perSecond == 0 ? Units.count(Math.round(perSecond))
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", 100 * share);
    }

    private static String seconds(LiveWindow window) {
        return window.length().toSeconds() + " s";
    }

    /** The window as one JSON document: totals, then the rows, most bytes first. */
    void json(LiveWindow window, PrintStream out) {
        JsonReport.print(out, json -> {
            json.writeStartObject();
            json.writeNumberField("pid", target.pid());
            json.writeStringField("mainClass", target.mainClass());
            json.writeStringField("by", window.by().label());
            json.writeStringField("direction", direction == null ? "both" : direction);
            json.writeStringField("start", window.start().toString());
            json.writeNumberField("seconds", window.length().toSeconds());
            json.writeNumberField("perCallEvents", window.perCallEvents());
            json.writeFieldName("total");
            row(json, window, window.total());
            json.writeArrayFieldStart("rows");
            for (LiveWindow.Row row : window.rows()) {
                row(json, window, row);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void row(JsonGenerator json, LiveWindow window, LiveWindow.Row row) throws IOException {
        json.writeStartObject();
        if (row.direction != null) {
            json.writeStringField("direction", row.direction);
        }
        json.writeStringField("key", row.key);
        json.writeNumberField(window.by() == LiveWindow.By.CHANNEL ? "operations" : "calls", row.calls);
        json.writeNumberField("bytes", row.bytes);
        json.writeNumberField("timeNanos", row.nanos);
        JsonReport.oneDecimal(json, "callsPerSecond", window.rate(row.calls));
        JsonReport.oneDecimal(json, "bytesPerSecond", window.rate(row.bytes));
        JsonReport.oneDecimal(json, "timePercent", 100 * window.timeShare(row.nanos));
        if (row.largest < 0) {
            json.writeNullField("largest");
        } else {
            json.writeNumberField("largest", row.largest);
        }
        json.writeEndObject();
    }
}
