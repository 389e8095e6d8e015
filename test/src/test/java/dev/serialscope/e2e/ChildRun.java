package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectationLog;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a child JVM left behind: exit code, output, recording and expectation log. */
record ChildRun(String description, int exitCode, String stdout, String stderr, Path recordingFile,
                ExpectationLog expectations) {

    /** The child must have exited normally; otherwise everything it printed is in the message. */
    ChildRun assertSucceeded() {
        assertEquals(0, exitCode, () -> description + " exited with " + exitCode + "\n" + output());
        return this;
    }

    Recording recording() {
        return Recording.read(recordingFile, this);
    }

    String output() {
        return "--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
