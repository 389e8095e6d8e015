package dev.serialscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.serialscope.rules.SerialScopeRule;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.result.Finding;
import dev.serialscope.rules.result.RuleRunner;

/** Runs the SerialScope rules (and with --jdk-rules JMC's own) on each recording and writes a report. */
@CommandLine.Command(name = "analyze",
        customSynopsis = "serialscope analyze FILE... [--format text|json|html] [-o OUT] [--min ok|info|warning] "
                + "[--set ID=VALUE]... [--fail-on info|warning] [--jdk-rules] [--library PREFIX]... [--debug] | "
                + "serialscope analyze "
                + "--list-settings",
        description = {"Runs the SerialScope rules on recordings.",
                "Writes a text, JSON or HTML report of each rule's result for each recording.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing at or above --fail-on", "1:a result at or above --fail-on",
                "2:bad usage (unknown option or setting, a value without a unit)",
                "3:input missing, unreadable, not a recording, damaged or without SerialScope events"})
final class AnalyzeCommand extends Command {

    /** Exit code when a finding is at or above --fail-on. */
    static final int FINDINGS = 1;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Recordings (.jfr, or gzipped).")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private CallSiteOptions callSiteOptions;

    @Option(names = "--format", paramLabel = "text|json|html",
            description = "text (default), json (a stable format for CI) or html (one self-contained page).")
    private String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the report there instead of stdout.")
    private Path output;

    @Option(names = "--min", paramLabel = "ok|info|warning",
            description = "The lowest severity shown (default: ok; N/A results are never shown).")
    private String minimum = "ok";

    @Option(names = "--set", paramLabel = "ID=VALUE",
            description = "Change a setting, with its unit, e.g. --set serialscope.largePayload.infoSize=\"1 MiB\".")
    private List<String> assignments = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "info|warning",
            description = "Exit 1 when any result is at or above this severity.")
    private String failOn;

    @Option(names = "--jdk-rules", description = "Also run JMC's built-in rules.")
    private boolean jdkRules;

    @Option(names = "--list-settings", description = "Print every setting with its default, and exit.")
    private boolean listSettings;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    private static Severity severity(String name) {
        return Severity.valueOf(name.toUpperCase(Locale.ROOT));
    }

    @Override
    protected int execute(PrintStream out, PrintStream err) throws CliException {
        choice("--format", format, List.of("text", "json", "html"));
        Severity shown = severity(choice("--min", minimum, List.of("ok", "info", "warning")));
        Severity failure = failOn == null ? null : severity(choice("--fail-on", failOn, List.of("info", "warning")));
        if (files.isEmpty() && !listSettings) {
            throw usageError("analyze needs at least one recording");
        }
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
            RecordingModel recording = RecordingModel.of(RecordingInput.load(file, !jdkRules),
                    callSiteOptions.callSites(preferences));
            if (!SerialScopeRule.recordedWithAgent(recording)) {
                if (!jdkRules) {
                    throw CliException.input(RecordingInput.notSerialScope(file));
                }
                err.println("serialscope: " + RecordingInput.notSerialScope(file) + " (running JMC's rules only)");
            }
            analyses.add(new Analysis(file, evaluate(rules, recording, preferences, err)));
            // One parse for every format: the HTML's tables and graphs come from the items the rules read.
            if (format.equals("html")) {
                summaries.add(RecordingSummary.of(recording));
                graphs.add(FlameGraph.Graphs.of(recording));
            }
        }
        PrintStream target = Reports.open(output, out);
        switch (format) {
        case "json" -> JsonReport.write(analyses, shown, target);
        case "html" -> HtmlReport.write(analyses, summaries, graphs, shown, target);
        default -> TextReport.write(analyses, shown, target);
        }
        Reports.close(output, target);
        return failure != null && analyses.stream().anyMatch(analysis -> !analysis.atLeast(failure).isEmpty())
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

    private List<Finding> evaluate(RuleRunner rules, IItemCollection items, PreferenceOverrides preferences,
            PrintStream err) throws CliException {
        try {
            return rules.evaluate(items, preferences, 0, (rule, cause) -> {
                // One broken rule (ours or JMC's) must not hide the others' results.
                err.println("serialscope: rule " + rule.getId() + " failed (" + cause + "); its result is left out");
                if (debug()) {
                    cause.printStackTrace(err);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.INPUT, "interrupted while analyzing", e);
        }
    }
}
