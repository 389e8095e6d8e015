package dev.serialscope.jmc.view;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPage;
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

    private HotSpotsPanel panel;
    private ShownAnalysis shown;
    private EditorTracker editorTracker;

    @Override
    public void createPartControl(Composite parent) {
        panel = new HotSpotsPanel(parent);
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        shown = new ShownAnalysis(panel, analyzer, progress::schedule);
        RecordingFollower follower = new RecordingFollower(shown);
        editorTracker = new EditorTracker(follower);
        IWorkbenchPage page = getSite().getPage();
        page.addPartListener(editorTracker);
        follower.partShown(JfrEditors.recordingOf(page.getActiveEditor()));
    }

    @Override
    public void setFocus() {
        panel.setFocus();
    }

    @Override
    public void dispose() {
        if (editorTracker != null) {
            getSite().getPage().removePartListener(editorTracker);
            shown.cancel();
        }
        super.dispose();
    }
}
