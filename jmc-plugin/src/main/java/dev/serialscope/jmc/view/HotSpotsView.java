package dev.serialscope.jmc.view;

import java.io.File;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

import dev.serialscope.jmc.analysis.JmcRulePreferences;
import dev.serialscope.jmc.analysis.RecordingAnalyzer;

import dev.serialscope.rules.result.RuleRunner;

/**
 * "Serialization Hot Spots": follows the active flight recording editor and shows where its serialization bytes
 * and time go, with the SerialScope rules' findings.
 */
public final class HotSpotsView extends ViewPart {

    /**
     * Our rules come from our own class loader, which sees the services file of the embedded rules jar; their
     * preferences are those of Automated Analysis, read again for every recording.
     */
    private final RecordingAnalyzer analyzer = new RecordingAnalyzer(
            RuleRunner.serialScopeRules(HotSpotsView.class.getClassLoader()), JmcRulePreferences::stored);

    private final RecordingFollower follower = new RecordingFollower(new RecordingFollower.Target() {
        @Override
        public void analyze(File recording) {
            HotSpotsView.this.analyze(recording);
        }

        @Override
        public void forget() {
            HotSpotsView.this.forget();
        }
    });

    private final IPartListener2 editorTracker = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference reference) {
            follower.partShown(JfrEditors.recordingOf(reference.getPart(false)));
        }

        @Override
        public void partBroughtToTop(IWorkbenchPartReference reference) {
            follower.partShown(JfrEditors.recordingOf(reference.getPart(false)));
        }

        @Override
        public void partInputChanged(IWorkbenchPartReference reference) {
            follower.partShown(JfrEditors.recordingOf(reference.getPart(false)));
        }

        @Override
        public void partClosed(IWorkbenchPartReference reference) {
            follower.partClosed(JfrEditors.recordingOf(reference.getPart(false)));
        }
    };

    private HotSpotsPanel panel;
    private RecordingAnalysisJob analysis;

    @Override
    public void createPartControl(Composite parent) {
        panel = new HotSpotsPanel(parent);
        getSite().getPage().addPartListener(editorTracker);
        follower.partShown(JfrEditors.recordingOf(getSite().getPage().getActiveEditor()));
    }

    @Override
    public void setFocus() {
        panel.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(editorTracker);
        cancelAnalysis();
        super.dispose();
    }

    private void analyze(File recording) {
        cancelAnalysis();
        panel.showMessage("Analysing " + recording.getName() + " ...");
        analysis = new RecordingAnalysisJob(recording, analyzer,
                result -> onUiThread(recording, () -> panel.show(result)),
                failure -> onUiThread(recording, () -> panel.showMessage(failure)));
        // The site's progress service also shows the view as busy while the job runs.
        getSite().getAdapter(IWorkbenchSiteProgressService.class).schedule(analysis);
    }

    private void forget() {
        cancelAnalysis();
        panel.showMessage(HotSpotsPanel.NO_RECORDING);
    }

    private void cancelAnalysis() {
        if (analysis != null) {
            analysis.cancel();
            analysis = null;
        }
    }

    /** Runs {@code update} unless the view is gone or has moved on to another recording meanwhile. */
    private void onUiThread(File recording, Runnable update) {
        getSite().getShell().getDisplay().asyncExec(() -> {
            if (!panel.getControl().isDisposed() && follower.isShowing(recording)) {
                update.run();
            }
        });
    }
}
