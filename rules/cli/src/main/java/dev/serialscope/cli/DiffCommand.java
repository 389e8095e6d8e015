package dev.serialscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmc.common.item.IItemCollection;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.serialscope.rules.SerialScopeRule;
import dev.serialscope.rules.analysis.FieldPaths;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.StatisticsRow;

/**
 * Calls, bytes and time per root class, call site and field path, before and after, sorted by the change in bytes.
 * With {@code --fail-on-increase P%} it exits 1 when the bytes of a direction, a root class or a field path (bytes
 * per traced call) grew by more than P percent (and by at least {@value #MIN_INCREASE} bytes, so that noise in tiny
 * numbers does not fail a build).
 */
@CommandLine.Command(name = "diff",
        customSynopsis = "serialscope diff BASE.jfr NEW.jfr [--format text|json] [--fail-on-increase 10%%] [-o OUT] "
                + "[--top N] [--library PREFIX]... [--debug]",
        description = {"What changed between two recordings.",
                "Calls, bytes and time by direction, root class, field path (bytes per traced call) and call site, "
                + "the biggest change in bytes first.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no regression (or no --fail-on-increase)", "1:an increase above --fail-on-increase",
                "2:bad usage", "3:a file missing, not a recording, damaged or without SerialScope events"})
final class DiffCommand extends Command {

    /** Exit code when something grew by more than --fail-on-increase. */
    static final int REGRESSION = 1;

    /** Growth below this many bytes never counts as a regression. */
    static final long MIN_INCREASE = 1024;

    /** What a row is about. */
    enum Kind {
        TOTAL, CLASS, SITE, FIELD;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Calls, bytes and time of one key in one recording. */
    record Measure(long calls, long bytes, long nanos) {
        static final Measure NONE = new Measure(0, 0, 0);

        Measure plus(long moreCalls, long moreBytes, long moreNanos) {
            return new Measure(calls + moreCalls, bytes + moreBytes, nanos + moreNanos);
        }
    }

    /** One key before and after. For field paths, bytes are per traced call and calls are traced calls. */
    record Row(Kind kind, String direction, String name, Measure base, Measure changed, boolean regression) {

        long bytesChange() {
            return changed.bytes() - base.bytes();
        }

        /** The change in percent of the base, null when the base is 0. */
        Double bytesChangePercent() {
            return base.bytes() == 0 ? null : 100.0 * bytesChange() / base.bytes();
        }

        boolean unchanged() {
            return base.calls() == changed.calls() && base.bytes() == changed.bytes();
        }
    }

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The base recording, then the new one.")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private CallSiteOptions callSiteOptions;

    @Option(names = "--format", paramLabel = "text|json", description = "text (default) or json.")
    private String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the report there instead of stdout.")
    private Path output;

    @Option(names = "--fail-on-increase", paramLabel = "P%",
            description = "Exit 1 when a total, root class or field path grew by more than P %% (and 1 KiB).")
    private String failOnIncrease;

    @Option(names = "--top", paramLabel = "N", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    private String top = "20";

    DiffCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    /** "10%", "10 %" or "2.5%": a percentage of at least 0; a bare number is refused, as for analyze --set. */
    static double percent(String value) throws CliException {
        String text = value.trim();
        if (text.endsWith("%")) {
            try {
                double number = Double.parseDouble(text.substring(0, text.length() - 1).trim());
                if (number >= 0 && Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        throw CliException.usage("--fail-on-increase " + value + ": give a percentage of at least 0, e.g. 10%");
    }

    @Override
    protected int execute(PrintStream out, PrintStream err) throws CliException {
        choice("--format", format, List.of("text", "json"));
        Double threshold = failOnIncrease == null ? null : percent(failOnIncrease);
        int rows = positiveInt("--top", top);
        if (files.size() != 2) {
            throw usageError("diff compares two recordings, got " + files.size());
        }
        Side base = Side.load(files.get(0), callSiteOptions.callSites());
        Side changed = Side.load(files.get(1), callSiteOptions.callSites());
        List<Row> compared = compare(base, changed, threshold);
        PrintStream target = Reports.open(output, out);
        if (format.equals("json")) {
            DiffReport.json(files.get(0), files.get(1), threshold, compared, target);
        } else {
            DiffReport.text(files.get(0), files.get(1), threshold, compared, rows, target);
        }
        Reports.close(output, target);
        return compared.stream().anyMatch(Row::regression) ? REGRESSION : 0;
    }

    /** The measures of one recording. */
    record Side(Map<String, Measure> totals, Map<String, Measure> classes, Map<String, Measure> sites,
            Map<String, Measure> fields) {

        static Side load(Path file, CallSites callSites) throws CliException {
            // Only SerialScope events are compared: the others are dropped while parsing.
            IItemCollection items = RecordingInput.load(file, true);
            if (!SerialScopeRule.recordedWithAgent(items)) {
                throw CliException.input(RecordingInput.notSerialScope(file));
            }
            return of(RecordingModel.of(items, callSites));
        }

        static Side of(RecordingModel recording) {
            Map<String, Measure> totals = new LinkedHashMap<>();
            Map<String, Measure> classes = new LinkedHashMap<>();
            Map<String, Measure> sites = new LinkedHashMap<>();
            Map<String, Measure> fields = new LinkedHashMap<>();
            CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
            for (String direction : List.of(SerialScopeEvents.WRITE, SerialScopeEvents.READ)) {
                List<Call> calls = direction.equals(SerialScopeEvents.WRITE) ? writes
                        : recording.calls(SerialScopeEvents.DESERIALIZATION);
                List<StatisticsRow> statistics = StatisticsRow.readAll(recording, direction);
                // Statistics count every call; per-call events may be thresholded (the production profile).
                if (!statistics.isEmpty()) {
                    for (StatisticsRow row : statistics) {
                        merge(classes, direction + " " + Composition.stableName(row.rootClass()), row.calls(),
                                row.bytes(), row.totalTimeNanos());
                        merge(totals, direction, row.calls(), row.bytes(), row.totalTimeNanos());
                    }
                } else {
                    for (Call call : calls) {
                        merge(classes, direction + " " + Composition.stableName(call.rootClass()), 1,
                                call.countedBytes(), call.durationNanos());
                        merge(totals, direction, 1, call.countedBytes(), call.durationNanos());
                    }
                }
                // Without line numbers: they move with unrelated edits between the two builds.
                for (Call call : calls) {
                    merge(sites, direction + " " + call.site().replaceFirst(":\\d+$", ""), 1, call.countedBytes(),
                            call.durationNanos());
                }
            }
            List<Composition> paths = recording.compositions();
            paths.stream().map(Composition::rootClass).distinct().forEach(rootClass -> {
                FieldPaths byPath = FieldPaths.of(rootClass, paths, writes);
                byPath.totals().forEach((path, total) -> merge(fields,
                        SerialScopeEvents.WRITE + " " + Composition.qualify(Composition.stableName(rootClass), path),
                        byPath.tracedCalls(), total.bytes() / Math.max(1, byPath.tracedCalls()), 0));
            });
            return new Side(totals, classes, sites, fields);
        }

        private static void merge(Map<String, Measure> measures, String key, long calls, long bytes, long nanos) {
            measures.merge(key, new Measure(calls, bytes, nanos),
                    (a, b) -> a.plus(b.calls(), b.bytes(), b.nanos()));
        }
    }

    static List<Row> compare(Side base, Side changed, Double failOnIncrease) {
        List<Row> rows = new ArrayList<>();
        rows.addAll(rows(Kind.TOTAL, base.totals(), changed.totals(), failOnIncrease, true));
        rows.addAll(rows(Kind.CLASS, base.classes(), changed.classes(), failOnIncrease, true));
        rows.addAll(rows(Kind.FIELD, base.fields(), changed.fields(), failOnIncrease, true));
        // Call sites are shown (by method), never a regression: code moves between builds.
        rows.addAll(rows(Kind.SITE, base.sites(), changed.sites(), failOnIncrease, false));
        return rows;
    }

    private static List<Row> rows(Kind kind, Map<String, Measure> base, Map<String, Measure> changed,
            Double failOnIncrease, boolean canRegress) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        base.keySet().forEach(key -> keys.put(key, true));
        changed.keySet().forEach(key -> keys.put(key, true));
        List<Row> rows = new ArrayList<>();
        for (String key : keys.keySet()) {
            int space = key.indexOf(' ');
            String direction = space < 0 ? key : key.substring(0, space);
            String name = space < 0 ? (direction.equals(SerialScopeEvents.WRITE) ? "all writes" : "all reads")
                    : key.substring(space + 1);
            Measure before = base.getOrDefault(key, Measure.NONE);
            Measure after = changed.getOrDefault(key, Measure.NONE);
            long increase = after.bytes() - before.bytes();
            boolean regression = canRegress && failOnIncrease != null && increase >= MIN_INCREASE
                    && (before.bytes() == 0 || 100.0 * increase / before.bytes() > failOnIncrease);
            rows.add(new Row(kind, direction, name, before, after, regression));
        }
        rows.sort(Comparator.comparingLong((Row row) -> Math.abs(row.bytesChange())).reversed()
                .thenComparing(Row::direction).thenComparing(Row::name));
        return rows;
    }
}
