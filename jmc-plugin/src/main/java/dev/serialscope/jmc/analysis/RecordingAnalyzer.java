package dev.serialscope.jmc.analysis;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import dev.serialscope.rules.recording.RecordingModel;

/**
 * Turns a recording into what the view shows. JMC's parsed model is private to its editor, so the recording is
 * parsed again here.
 */
public final class RecordingAnalyzer {

    /** Rows per table: enough to see the long tail begin, few enough to read at a glance. */
    private static final int TOP = 15;

    private final SerialScopeRules rules;

    public RecordingAnalyzer(SerialScopeRules rules) {
        this.rules = rules;
    }

    public RecordingAnalysis analyze(File recording, AnalysisProgress progress)
            throws IOException, CouldNotLoadRecordingException, InterruptedException, ExecutionException {
        progress.beginStep("Parsing " + recording.getName());
        RecordingModel items = RecordingModel.of(JfrLoaderToolkit.loadEvents(recording));
        progress.beginStep("Totalling serialization calls");
        HotSpots hotSpots = HotSpots.of(items, TOP);
        progress.beginStep("Running the SerialScope rules");
        List<Finding> findings = rules.evaluate(items);
        return new RecordingAnalysis(recording.getName(), hotSpots, findings);
    }
}
