package dev.serialscope.probe;

import java.nio.file.Path;
import jdk.jfr.Recording;

/** The recording that {@code serialscope attach} asks the agent to start inside the target JVM. */
final class AttachedRecording {

    private AttachedRecording() {
    }

    static void start(AgentOptions options) throws Exception {
        Profile profile = Profile.named(options.record());
        Recording recording = new Recording(profile.settings());
        recording.setName("SerialScope " + options.record());
        Path file = Path.of(options.filename() != null ? options.filename()
                : "serialscope-" + ProcessHandle.current().pid() + ".jfr").toAbsolutePath();
        recording.setDestination(file);
        recording.setToDisk(true);
        if (options.duration() != null) {
            recording.setDuration(options.duration());
        } else {
            recording.setDumpOnExit(true);
        }
        recording.start();
        System.err.println("[serialscope] recording (" + options.record() + ") to " + file);
    }
}
