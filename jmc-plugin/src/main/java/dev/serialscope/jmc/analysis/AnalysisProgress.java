package dev.serialscope.jmc.analysis;

import java.util.concurrent.CancellationException;

/** Told before each step of {@link RecordingAnalyzer#analyze}; may stop the analysis between steps. */
@FunctionalInterface
public interface AnalysisProgress {

    /** The number of times {@link #beginStep} is called per analysis. */
    int STEPS = 3;

    AnalysisProgress NONE = step -> {
    };

    /** @throws CancellationException to stop before the step starts */
    void beginStep(String description);
}
