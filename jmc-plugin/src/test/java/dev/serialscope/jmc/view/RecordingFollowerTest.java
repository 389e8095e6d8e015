package dev.serialscope.jmc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The view's part listener through what a JMC session does: open recordings, switch between them and other
 * parts, close them in any order, and exit with nothing shown (issue 16: closing a recording's editor while none
 * was shown threw a NullPointerException, an error dialog on every File > Exit).
 */
class RecordingFollowerTest {

    private static final Optional<File> FIRST = Optional.of(new File("/recordings/first.jfr"));
    private static final Optional<File> SECOND = Optional.of(new File("/recordings/second.jfr"));
    private static final Optional<File> NO_RECORDING = Optional.empty();

    private final List<String> calls = new ArrayList<>();
    private final RecordingFollower follower = new RecordingFollower(new RecordingFollower.Target() {
        @Override
        public void analyze(File recording) {
            calls.add("analyze " + recording.getName());
        }

        @Override
        public void forget() {
            calls.add("forget");
        }
    });

    @Test
    void followsTheActiveRecordingAndForgetsItWhenItsEditorCloses() {
        follower.partShown(FIRST);
        follower.partShown(FIRST);
        follower.partShown(NO_RECORDING);
        follower.partShown(SECOND);
        follower.partShown(FIRST);
        assertEquals(List.of("analyze first.jfr", "analyze second.jfr", "analyze first.jfr"), calls);

        follower.partClosed(SECOND);
        follower.partClosed(NO_RECORDING);
        assertEquals(3, calls.size(), "another part closed: the shown recording stays");
        follower.partClosed(FIRST);
        assertEquals("forget", calls.get(3));
    }

    @Test
    void closingPartsWhileNoRecordingIsShownIsQuiet() {
        follower.partClosed(NO_RECORDING);
        follower.partClosed(FIRST);
        follower.partShown(FIRST);
        follower.partClosed(FIRST);
        // File > Exit closes the remaining editors after the shown one.
        follower.partClosed(SECOND);
        follower.partClosed(FIRST);
        follower.partClosed(NO_RECORDING);
        assertEquals(List.of("analyze first.jfr", "forget"), calls);
    }

    @Test
    void reopeningTheClosedRecordingAnalyzesItAgain() {
        follower.partShown(FIRST);
        follower.partClosed(FIRST);
        follower.partShown(FIRST);
        assertEquals(List.of("analyze first.jfr", "forget", "analyze first.jfr"), calls);
    }
}
