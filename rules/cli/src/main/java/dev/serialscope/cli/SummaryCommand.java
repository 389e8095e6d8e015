package dev.serialscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What was serialized, how much and from where, as tables, like {@code jfr view} does for JDK events. */
@CommandLine.Command(name = "summary",
        customSynopsis = "serialscope summary FILE [--by class|site|channel|thread|store] [--top N] [--direction write|read] "
                + "[--library PREFIX]...",
        description = {"Tables of what was serialized.",
                "Calls, bytes, objects, time and share by root class (from the statistics events, which count every "
                + "call), call site, channel, thread and data-grid map (store; shown when there are any) from the "
                + "per-call events, with totals per direction. "
                + "Streams the file, so memory does not grow with the recording.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad usage", "3:input missing, unreadable, not a recording, damaged or without "
                + "SerialScope events"})
final class SummaryCommand extends Command {

    private static final List<String> TABLES = List.of("class", "site", "channel", "thread", "store");

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "A recording (.jfr, or gzipped).")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private CallSiteOptions callSiteOptions;

    @Option(names = "--by", paramLabel = "class|site|channel|thread|store", description = "Only this table.")
    private String by;

    @Option(names = "--top", paramLabel = "N", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    private String top = "10";

    @Option(names = "--direction", paramLabel = "write|read", description = "Only this direction.")
    private String direction;

    SummaryCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    protected int execute(PrintStream out, PrintStream err) throws CliException {
        List<String> tables = by == null ? TABLES : List.of(choice("--by", by, TABLES));
        int rows = positiveInt("--top", top);
        if (direction != null) {
            choice("--direction", direction, List.of("write", "read"));
        }
        if (files.isEmpty()) {
            throw usageError("summary needs a recording");
        }
        if (files.size() > 1) {
            throw usageError("summary takes one file");
        }
        Path file = files.get(0);
        Path recording = RecordingInput.readable(file);
        RecordingSummary summary;
        try {
            summary = RecordingSummary.read(recording, callSiteOptions.callSites());
        } catch (IOException | RuntimeException e) {
            throw new CliException(CliException.INPUT, file + " is truncated or damaged and cannot be read ("
                    + e.getClass().getSimpleName() + "): record it again", e);
        }
        if (!summary.recordedWithAgent()) {
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
            print(each, tables, rows, out);
        }
        return 0;
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
        boolean perCallTablesSaid = false;
        for (String table : tables) {
            if (table.equals("store") && tables.size() > 1 && direction.byStore.isEmpty()) {
                continue; // a recording without data-grid maps gets no empty table unless asked for it
            }
            if (!table.equals("class") && direction.perCallCalls == 0) {
                if (!perCallTablesSaid) {
                    out.println();
                    out.println("  " + RecordingSummary.NO_PER_CALL_EVENTS);
                    perCallTablesSaid = true;
                }
                continue;
            }
            switch (table) {
            case "class" -> table(out, "Root class", direction.byClass(), top, direction.hasStatistics
                    ? "from statistics, which count every call but not objects" : "from per-call events");
            case "site" -> table(out, "Call site", RecordingSummary.sorted(direction.bySite), top,
                    "from per-call events");
            case "channel" -> table(out, "Channel", RecordingSummary.sorted(direction.byChannel), top,
                    "from per-call events");
            case "thread" -> table(out, "Thread", RecordingSummary.sorted(direction.byThread), top,
                    "from per-call events");
            case "store" -> table(out, "Store", RecordingSummary.sorted(direction.byStore), top,
                    "from per-call events of calls for a data-grid map");
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
