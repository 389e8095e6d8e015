package dev.serialscope.cli;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.SerialScopeRule;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.result.Finding;
import dev.serialscope.rules.result.RuleRunner;

/**
 * {@code analyze FILE...}: runs the SerialScope rules (and with --jdk-rules JMC's own) on each
 * recording and writes a text, JSON or HTML report.
 */
final class AnalyzeCommand {

    static final String USAGE = "serialscope analyze FILE... [--format text|json|html] [-o OUT] "
            + "[--min ok|info|warning] [--set ID=VALUE]... [--fail-on info|warning] [--jdk-rules] [--debug]"
            + " | serialscope analyze --list-settings";

    /** Exit code when a finding is at or above --fail-on. */
    static final int FINDINGS = 1;

    private final List<Path> files = new ArrayList<>();
    private final List<String> assignments = new ArrayList<>();
    private String format = "text";
    private Path output;
    private Severity minimum = Severity.OK;
    private Severity failOn;
    private boolean jdkRules;
    private boolean listSettings;

    private AnalyzeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliException {
        AnalyzeCommand command = new AnalyzeCommand();
        command.parse(args);
        return command.execute(out, err);
    }

    private void parse(List<String> args) throws CliException {
        Arguments arguments = new Arguments(args, USAGE);
        while (arguments.hasNext()) {
            String arg = arguments.next();
            switch (arguments.option(arg)) {
            case "--format" -> format = arguments.choice(arg, List.of("text", "json", "html"));
            case "-o", "--output" -> output = Path.of(arguments.value(arg));
            case "--min" -> minimum = severity(arguments.choice(arg, List.of("ok", "info", "warning")));
            case "--set" -> assignments.add(arguments.value(arg));
            case "--fail-on" -> failOn = severity(arguments.choice(arg, List.of("info", "warning")));
            case "--jdk-rules" -> jdkRules = true;
            case "--list-settings" -> listSettings = true;
            case "--debug" -> {
                // Handled by Main before the command runs.
            }
            case "" -> files.add(Path.of(arg));
            default -> throw arguments.unknown(arg);
            }
        }
        if (files.isEmpty() && !listSettings) {
            throw CliException.usage("analyze needs at least one recording; usage: " + USAGE);
        }
    }

    private static Severity severity(String name) {
        return Severity.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private int execute(PrintStream out, PrintStream err) throws CliException {
        RuleRunner rules = rules();
        Map<String, TypedPreference<?>> known = PreferenceOverrides.preferencesOf(rules.rules());
        if (listSettings) {
            known.values().forEach(preference -> out.println(preference.getIdentifier() + " = "
                    + PreferenceOverrides.display(preference.getDefaultValue()) + "  (" + preference.getName() + ")"));
            return 0;
        }
        PreferenceOverrides preferences = new PreferenceOverrides();
        for (String assignment : assignments) {
            preferences.set(assignment, known);
        }
        List<Analysis> analyses = new ArrayList<>();
        List<RecordingSummary> summaries = new ArrayList<>();
        List<FlameGraph.Graphs> graphs = new ArrayList<>();
        for (Path file : files) {
            // Our rules read only SerialScope events: JMC's rules (--jdk-rules) need them all.
            RecordingModel items = RecordingModel.of(RecordingInput.load(file, !jdkRules));
            if (!SerialScopeRule.hasSerialScopeEvents(items)) {
                if (!jdkRules) {
                    throw CliException.input(RecordingInput.notSerialScope(file));
                }
                err.println("serialscope: " + RecordingInput.notSerialScope(file) + " (running JMC's rules only)");
            }
            analyses.add(new Analysis(file, evaluate(rules, items, preferences, err)));
            if (format.equals("html")) {
                summaries.add(summarize(file, RecordingInput.readable(file)));
                graphs.add(FlameGraph.Graphs.of(items));
            }
        }
        write(analyses, summaries, graphs, out);
        return failOn != null && analyses.stream().anyMatch(analysis -> !analysis.atLeast(failOn).isEmpty())
                ? FINDINGS : 0;
    }

    /** Our rules, found like JMC finds them; with --jdk-rules every rule on the class path. */
    private RuleRunner rules() throws CliException {
        ClassLoader loader = AnalyzeCommand.class.getClassLoader();
        if (!jdkRules) {
            return RuleRunner.serialScopeRules(loader);
        }
        RuleRunner all = RuleRunner.allRules(loader);
        if (all.rules().stream().allMatch(RuleRunner::isSerialScope)) {
            throw CliException.usage("--jdk-rules: JMC's rules (flightrecorder.rules.jdk) are not on the class path; "
                    + "run rules/cli/target/serialscope-cli.jar");
        }
        return all;
    }

    private static List<Finding> evaluate(RuleRunner rules, IItemCollection items, PreferenceOverrides preferences,
            PrintStream err) throws CliException {
        try {
            return rules.evaluate(items, preferences, 0, (rule, cause) -> {
                // One broken rule (ours or JMC's) must not hide the others' results.
                err.println("serialscope: rule " + rule.getId() + " failed (" + cause + "); its result is left out");
                if (Main.debug()) {
                    cause.printStackTrace(err);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.INPUT, "interrupted while analyzing", e);
        }
    }

    private static RecordingSummary summarize(Path file, Path recording) throws CliException {
        try {
            return RecordingSummary.read(recording);
        } catch (IOException | RuntimeException e) {
            throw new CliException(CliException.INPUT, file + " is truncated or damaged and cannot be read ("
                    + e.getClass().getSimpleName() + "): record it again", e);
        }
    }

    private void write(List<Analysis> analyses, List<RecordingSummary> summaries, List<FlameGraph.Graphs> graphs,
            PrintStream out)
            throws CliException {
        PrintStream target = out;
        if (output != null) {
            try {
                target = new PrintStream(new FileOutputStream(output.toFile()), false, StandardCharsets.UTF_8);
            } catch (FileNotFoundException e) {
                throw new CliException(CliException.INPUT, "cannot write " + output + " (" + e.getMessage()
                        + "): choose another -o path", e);
            }
        }
        switch (format) {
        case "json" -> JsonReport.write(analyses, minimum, target);
        case "html" -> HtmlReport.write(analyses, summaries, graphs, minimum, target);
        default -> TextReport.write(analyses, minimum, target);
        }
        target.flush();
        if (output != null) {
            target.close();
            if (target.checkError()) {
                throw CliException.input("writing " + output + " failed: check the disk and the path");
            }
        }
    }
}
