package dev.serialscope.jmc.view;

import java.io.File;
import java.util.Optional;

/**
 * Which recording the view shows while the user activates, switches and closes editors: the part listener's
 * logic without the workbench. Parts that show no recording (other views, other editors) are empty.
 */
final class RecordingFollower {

    /** What the view does when the recording to show changes. */
    interface Target {
        void analyze(File recording);

        /** The shown recording's editor was closed. */
        void forget();
    }

    private final Target target;
    private File shown;

    RecordingFollower(Target target) {
        this.target = target;
    }

    /** A part was activated, brought to top or given another input. */
    void partShown(Optional<File> recording) {
        recording.filter(file -> !file.equals(shown)).ifPresent(file -> {
            shown = file;
            target.analyze(file);
        });
    }

    /** A part was closed, also while nothing is shown (several editors closing, JMC exiting). */
    void partClosed(Optional<File> recording) {
        recording.filter(file -> file.equals(shown)).ifPresent(file -> {
            shown = null;
            target.forget();
        });
    }
}
