package dev.serialscope.jmc.view;

import java.io.File;
import java.util.Optional;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IWorkbenchPart;

/**
 * Finds the recording file behind JMC's flight recording editor. Its parsed model is not public, but its input
 * (JMC's MCPathEditorInput) adapts to a path.
 */
final class JfrEditors {

    static final String JFR_EDITOR_ID = "org.openjdk.jmc.flightrecorder.ui.JfrEditor";

    private JfrEditors() {
    }

    /** The recording shown by {@code part}, when it is a flight recording editor on a local file. */
    static Optional<File> recordingOf(IWorkbenchPart part) {
        if (!(part instanceof IEditorPart editor) || !JFR_EDITOR_ID.equals(editor.getSite().getId())) {
            return Optional.empty();
        }
        IPathEditorInput input = Adapters.adapt(editor.getEditorInput(), IPathEditorInput.class);
        return Optional.ofNullable(input).map(IPathEditorInput::getPath).map(IPath::toFile);
    }
}
