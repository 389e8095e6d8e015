package dev.serialscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The reports of {@code diff}: text tables by kind (totals, root classes, field paths, call sites), the
 * biggest changes first; or JSON, a stable format for CI:
 * {@code {"base", "new", "version", "failOnIncrease", "regression", "changed", "rows": [{"kind":
 * "total|class|field|site", "direction": "write|read", "name", "base": {"calls", "bytes", "nanos"},
 * "new": {...}, "bytesChange", "bytesChangePercent", "regression"}]}}.
 */
final class DiffReport {

    private static final List<DiffCommand.Kind> SECTIONS = List.of(DiffCommand.Kind.TOTAL, DiffCommand.Kind.CLASS,
            DiffCommand.Kind.FIELD, DiffCommand.Kind.SITE);

    private DiffReport() {
    }

    static void text(Path base, Path changed, Double failOnIncrease, List<DiffCommand.Row> rows, int top,
            PrintStream out) {
        out.println("SerialScope " + Version.get() + ": diff of " + base + " (base) and " + changed + " (new)");
        boolean anyChange = rows.stream().anyMatch(row -> !row.unchanged());
        for (DiffCommand.Kind kind : SECTIONS) {
            List<DiffCommand.Row> section = rows.stream().filter(row -> row.kind() == kind).toList();
            if (section.isEmpty()) {
                continue;
            }
            List<DiffCommand.Row> shown = section.stream().filter(row -> kind == DiffCommand.Kind.TOTAL
                    || !row.unchanged()).limit(top).toList();
            out.println();
            String title = switch (kind) {
            case TOTAL -> "Totals";
            case CLASS -> "Root classes";
            case FIELD -> "Field paths (bytes per traced call)";
            case SITE -> "Call sites (per-call events, by method)";
            };
            int width = Math.max(title.length(), shown.stream().mapToInt(row -> label(row).length()).max().orElse(0));
            String format = "  %-" + width + "s %21s %25s %22s %23s%n";
            out.printf(Locale.ROOT, format, title, "calls", "bytes", "change", "time");
            for (DiffCommand.Row row : shown) {
                out.printf(Locale.ROOT, format, label(row) + (row.regression() ? " !" : ""),
                        Units.count(row.base().calls()) + " -> " + Units.count(row.changed().calls()),
                        Units.bytes(row.base().bytes()) + " -> " + Units.bytes(row.changed().bytes()),
                        change(row),
                        kind == DiffCommand.Kind.FIELD ? "-" : Units.nanos(row.base().nanos()) + " -> "
                                + Units.nanos(row.changed().nanos()));
            }
            long unchanged = section.stream().filter(DiffCommand.Row::unchanged).count();
            if (kind != DiffCommand.Kind.TOTAL && shown.isEmpty()) {
                out.println("  (no change)");
            } else if (kind != DiffCommand.Kind.TOTAL && section.size() - unchanged > shown.size()) {
                out.println("  ... " + (section.size() - unchanged - shown.size()) + " more changed (--top "
                        + section.size() + " shows all)");
            }
        }
        out.println();
        long regressions = rows.stream().filter(DiffCommand.Row::regression).count();
        if (!anyChange) {
            out.println("No change in calls or bytes.");
        } else if (failOnIncrease == null) {
            out.println("Changed (no --fail-on-increase given).");
        } else if (regressions == 0) {
            out.println(String.format(Locale.ROOT, "No increase above %s %%.", number(failOnIncrease)));
        } else {
            out.println(String.format(Locale.ROOT, "%d regression%s (!): bytes grew by more than %s %%.", regressions,
                    regressions == 1 ? "" : "s", number(failOnIncrease)));
        }
    }

    private static String label(DiffCommand.Row row) {
        return row.direction() + " " + row.name();
    }

    private static String change(DiffCommand.Row row) {
        long change = row.bytesChange();
        String bytes = (change > 0 ? "+" : change < 0 ? "-" : "") + Units.bytes(Math.abs(change));
        Double percent = row.bytesChangePercent();
        return bytes + (percent == null ? (change == 0 ? "" : " (new)")
                : String.format(Locale.ROOT, " (%+.1f %%)", percent));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static void json(Path base, Path changed, Double failOnIncrease, List<DiffCommand.Row> rows, PrintStream out) {
        JsonReport.print(out, json -> {
            json.writeStartObject();
            json.writeStringField("base", base.toString());
            json.writeStringField("new", changed.toString());
            json.writeStringField("version", Version.get());
            JsonReport.oneDecimal(json, "failOnIncrease", failOnIncrease);
            json.writeBooleanField("regression", rows.stream().anyMatch(DiffCommand.Row::regression));
            json.writeBooleanField("changed", rows.stream().anyMatch(row -> !row.unchanged()));
            json.writeArrayFieldStart("rows");
            for (DiffCommand.Row row : rows) {
                json.writeStartObject();
                json.writeStringField("kind", row.kind().label());
                json.writeStringField("direction", row.direction());
                json.writeStringField("name", row.name());
                measure(json, "base", row.base());
                measure(json, "new", row.changed());
                json.writeNumberField("bytesChange", row.bytesChange());
                JsonReport.oneDecimal(json, "bytesChangePercent", row.bytesChangePercent());
                json.writeBooleanField("regression", row.regression());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void measure(JsonGenerator json, String field, DiffCommand.Measure measure) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("calls", measure.calls());
        json.writeNumberField("bytes", measure.bytes());
        json.writeNumberField("nanos", measure.nanos());
        json.writeEndObject();
    }
}
