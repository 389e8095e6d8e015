package dev.serialscope.jmc.view;

import java.io.File;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWTException;

import dev.serialscope.jmc.analysis.RecordingAnalyzer;

/**
 * What the view does when the recording to show changes: analyses it in a job and shows the result in the panel,
 * unless another recording (or none) is to be shown by the time the job ends, or the panel is gone.
 */
final class ShownAnalysis implements RecordingFollower.Target {

    private final HotSpotsPanel panel;
    private final RecordingAnalyzer analyzer;
    private final Consumer<Job> scheduler;
    /** The job whose result is to be shown; touched on the UI thread only. */
    private RecordingAnalysisJob current;

    /** @param scheduler schedules the job: the view's site progress service, which also shows the view as busy */
    ShownAnalysis(HotSpotsPanel panel, RecordingAnalyzer analyzer, Consumer<Job> scheduler) {
        this.panel = panel;
        this.analyzer = analyzer;
        this.scheduler = scheduler;
    }

    @Override
    public void analyze(File recording) {
        cancel();
        panel.showMessage("Analysing " + recording.getName() + " ...");
        RecordingAnalysisJob[] job = new RecordingAnalysisJob[1];
        job[0] = new RecordingAnalysisJob(recording, analyzer,
                result -> onUiThread(job[0], () -> panel.show(result)),
                failure -> onUiThread(job[0], () -> panel.showMessage(failure)));
        current = job[0];
        scheduler.accept(current);
    }

    @Override
    public void forget() {
        cancel();
        panel.showMessage(HotSpotsPanel.NO_RECORDING);
    }

    /** Stops the analysis in progress, if any; its result will not be shown. */
    void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    /** Called on the job's thread; the view (or, at exit, the whole display) may be gone by then. */
    private void onUiThread(RecordingAnalysisJob job, Runnable update) {
        try {
            panel.getControl().getDisplay().asyncExec(() -> {
                if (!panel.getControl().isDisposed() && job == current) {
                    update.run();
                }
            });
        } catch (SWTException disposed) {
            // The view was closed while the job ran: there is nothing to show the result in.
        }
    }
}
