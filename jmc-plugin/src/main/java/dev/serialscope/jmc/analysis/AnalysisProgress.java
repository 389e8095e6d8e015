package dev.serialscope.jmc.analysis;

/** Told before each step of {@link RecordingAnalyzer#analyze}; may stop the analysis between steps. */
@FunctionalInterface
public interface AnalysisProgress {

    /** The number of times {@link #beginStep} is called per analysis. */
    int STEPS = 3;

    AnalysisProgress NONE = step -> {
    };

    /**
     * Throwing an unchecked exception stops the analysis before the step starts; the view's job throws
     * Eclipse's OperationCanceledException when the user cancels it.
     */
    void beginStep(String description);
}
