package dev.serialscope.jmc.view;

import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;

/**
 * The view's part listener: tells the follower which recording the activated, raised or re-targeted part shows,
 * and which part closed. The workbench calls it for every part (views too) and at shutdown, when a reference may
 * have no part any more ({@code getPart(false)} is null): any exception here is an error dialog.
 */
final class EditorTracker implements IPartListener2 {

    private final RecordingFollower follower;

    EditorTracker(RecordingFollower follower) {
        this.follower = follower;
    }

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
}
