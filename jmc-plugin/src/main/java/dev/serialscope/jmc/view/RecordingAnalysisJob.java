package dev.serialscope.jmc.view;

import java.io.File;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import dev.serialscope.jmc.analysis.AnalysisProgress;
import dev.serialscope.jmc.analysis.RecordingAnalysis;
import dev.serialscope.jmc.analysis.RecordingAnalyzer;

/**
 * Parses and analyses one recording off the UI thread, reporting each step in the Progress view. Failures go
 * to the caller as a message and to the Error Log as the job's status.
 */
final class RecordingAnalysisJob extends Job {

    private static final String BUNDLE_ID = "dev.serialscope.jmc";

    private final File recording;
    private final RecordingAnalyzer analyzer;
    private final Consumer<RecordingAnalysis> onDone;
    private final Consumer<String> onFailure;

    RecordingAnalysisJob(File recording, RecordingAnalyzer analyzer, Consumer<RecordingAnalysis> onDone,
            Consumer<String> onFailure) {
        super("Serialization hot spots of " + recording.getName());
        this.recording = recording;
        this.analyzer = analyzer;
        this.onDone = onDone;
        this.onFailure = onFailure;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor steps = SubMonitor.convert(monitor, getName(), AnalysisProgress.STEPS);
        // split() throws OperationCanceledException once the user cancels the job in the Progress view.
        AnalysisProgress progress = description -> steps.split(1).subTask(description);
        try {
            onDone.accept(analyzer.analyze(recording, progress));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } catch (ExecutionException e) {
            return failed("A SerialScope rule failed on " + recording.getName(), e.getCause());
        } catch (Exception e) {
            return failed("Could not analyse " + recording.getName(), e);
        }
    }

    private IStatus failed(String message, Throwable cause) {
        onFailure.accept(message + ": " + cause);
        return new Status(IStatus.ERROR, BUNDLE_ID, message, cause);
    }
}
