package dev.serialscope.jmc.analysis;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.analysis.HotSpots;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.result.Finding;
import dev.serialscope.rules.result.RuleRunner;

/**
 * Turns a recording into what the view shows. JMC's parsed model is private to its editor, so the recording is
 * parsed again here. The rules, and the call sites of the tables, use the rule preferences that {@code preferences}
 * gives when each analysis starts: in JMC, the ones set for Automated Analysis ({@link JmcRulePreferences}).
 */
public final class RecordingAnalyzer {

    /** Rows per table: enough to see the long tail begin, few enough to read at a glance. */
    private static final int TOP = 15;

    /** One rule at a time: the analysis runs in a background job next to JMC's own. */
    private static final int THREADS = 1;

    private final RuleRunner rules;
    private final Supplier<IPreferenceValueProvider> preferences;

    /** With the rules' defaults. */
    public RecordingAnalyzer(RuleRunner rules) {
        this(rules, () -> IPreferenceValueProvider.DEFAULT_VALUES);
    }

    public RecordingAnalyzer(RuleRunner rules, Supplier<IPreferenceValueProvider> preferences) {
        this.rules = rules;
        this.preferences = preferences;
    }

    /** @throws ExecutionException when a rule failed: the view shows all findings or none */
    public RecordingAnalysis analyze(File recording, AnalysisProgress progress)
            throws IOException, CouldNotLoadRecordingException, InterruptedException, ExecutionException {
        progress.beginStep("Parsing " + recording.getName());
        IPreferenceValueProvider settings = preferences.get();
        RecordingModel model = RecordingModel.of(JfrLoaderToolkit.loadEvents(recording), settings);
        progress.beginStep("Totalling serialization calls");
        HotSpots hotSpots = HotSpots.of(model, TOP);
        progress.beginStep("Running the SerialScope rules");
        List<Throwable> failures = new ArrayList<>();
        List<Finding> findings = rules.evaluate(model, settings, THREADS,
                (rule, cause) -> failures.add(cause));
        if (!failures.isEmpty()) {
            throw new ExecutionException(failures.get(0));
        }
        // Information and warnings: what is worth a look.
        return new RecordingAnalysis(recording.getName(), hotSpots,
                findings.stream().filter(finding -> finding.atLeast(Severity.INFO)).toList());
    }
}
