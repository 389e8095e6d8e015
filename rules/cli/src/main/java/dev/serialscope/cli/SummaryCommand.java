package dev.serialscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary FILE [--by class|site|channel|thread] [--top N] [--direction write|read]}: what was
 * serialized, how much and from where, as tables, like {@code jfr view} does for JDK events.
 */
final class SummaryCommand {

    static final String USAGE = "serialscope summary FILE [--by class|site|channel|thread] [--top N] "
            + "[--direction write|read]";

    private static final List<String> TABLES = List.of("class", "site", "channel", "thread");

    private SummaryCommand() {
    }

    static void run(List<String> args, PrintStream out) throws CliException {
        Path file = null;
        List<String> tables = TABLES;
        int top = 10;
        String direction = null;
        Arguments arguments = new Arguments(args, USAGE);
        while (arguments.hasNext()) {
            String arg = arguments.next();
            switch (arguments.option(arg)) {
            case "--by" -> tables = List.of(arguments.choice(arg, TABLES));
            case "--top" -> top = arguments.positiveInt(arg);
            case "--direction" -> direction = arguments.choice(arg, List.of("write", "read"));
            case "--debug" -> {
                // Handled by Main before the command runs.
            }
            case "" -> {
                if (file != null) {
                    throw CliException.usage("summary takes one file; usage: " + USAGE);
                }
                file = Path.of(arg);
            }
            default -> throw arguments.unknown(arg);
            }
        }
        if (file == null) {
            throw CliException.usage("summary needs a recording; usage: " + USAGE);
        }
        Path recording = RecordingInput.readable(file);
        RecordingSummary summary;
        try {
            summary = RecordingSummary.read(recording);
        } catch (IOException | RuntimeException e) {
            throw new CliException(CliException.INPUT, file + " is truncated or damaged and cannot be read ("
                    + e.getClass().getSimpleName() + "): record it again", e);
        }
        if (!summary.hasSerialScopeEvents()) {
            throw CliException.input(RecordingInput.notSerialScope(file));
        }
        out.println("SerialScope summary of " + file + " (" + Units.nanos(summary.durationNanos()) + " recorded)");
        List<RecordingSummary.Direction> directions = new ArrayList<>();
        if (!"read".equals(direction)) {
            directions.add(summary.writes);
        }
        if (!"write".equals(direction)) {
            directions.add(summary.reads);
        }
        for (RecordingSummary.Direction each : directions) {
            print(each, tables, top, out);
        }
    }

    private static void print(RecordingSummary.Direction direction, List<String> tables, int top, PrintStream out) {
        out.println();
        if (direction.isEmpty()) {
            out.println(direction.name + ": none recorded");
            return;
        }
        if (direction.hasStatistics) {
            out.println(direction.name + ": " + Units.count(direction.statisticsCalls) + " calls, "
                    + Units.bytes(direction.statisticsBytes) + ", " + Units.nanos(direction.statisticsNanos) + ", "
                    + Units.count(direction.statisticsFailures) + " failures (statistics: every call)");
            out.println("  per-call events: " + Units.count(direction.perCallCalls) + " calls, "
                    + Units.bytes(direction.perCallBytes) + " ("
                    + Units.share(direction.perCallBytes, direction.statisticsBytes)
                    + " of the bytes; calls below the recording's thresholds have none)");
        } else {
            out.println(direction.name + ": " + Units.count(direction.perCallCalls) + " calls, "
                    + Units.bytes(direction.perCallBytes) + ", " + Units.count(direction.perCallFailures)
                    + " failures (per-call events; the recording has no statistics events)");
        }
        for (String table : tables) {
            switch (table) {
            case "class" -> table(out, "Root class", direction.byClass(), top, direction.hasStatistics
                    ? "from statistics, which count every call but not objects" : "from per-call events");
            case "site" -> table(out, "Call site", RecordingSummary.sorted(direction.bySite), top,
                    "from per-call events");
            case "channel" -> table(out, "Channel", RecordingSummary.sorted(direction.byChannel), top,
                    "from per-call events");
            case "thread" -> table(out, "Thread", RecordingSummary.sorted(direction.byThread), top,
                    "from per-call events");
            default -> throw new IllegalArgumentException(table);
            }
        }
    }

    private static void table(PrintStream out, String title, List<RecordingSummary.Row> rows, int top, String source) {
        long totalBytes = rows.stream().mapToLong(row -> row.bytes).sum();
        List<RecordingSummary.Row> shown = rows.subList(0, Math.min(top, rows.size()));
        String header = title + " (" + source + ")";
        int width = Math.max(header.length(), shown.stream().mapToInt(row -> row.key.length()).max().orElse(0));
        String format = "  %-" + width + "s %10s %11s %10s %10s %8s%n";
        out.println();
        out.printf(Locale.ROOT, format, header, "calls", "bytes", "objects", "time", "share");
        for (RecordingSummary.Row row : shown) {
            out.printf(Locale.ROOT, format, row.key, Units.count(row.calls), Units.bytes(row.bytes),
                    row.objects < 0 ? "-" : Units.count(row.objects), Units.nanos(row.nanos),
                    Units.share(row.bytes, totalBytes));
        }
        if (rows.size() > shown.size()) {
            out.println("  ... " + (rows.size() - shown.size()) + " more (--top " + rows.size() + " shows all)");
        }
    }
}
