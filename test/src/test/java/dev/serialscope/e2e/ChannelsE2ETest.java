package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.Channels;
import dev.serialscope.e2e.programs.ExpectedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The channel field: memory, file (absolute path, also for a relative name), both ends of a
 * loopback socket, both ends of a pipe to a child process, the child's own stdin and stdout (it
 * runs with the agent and a recording of its own), and an unknown stream class.
 */
class ChannelsE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void everyChannelIsNamed(Jdk jdk, @TempDir Path dir) throws Exception {
        Path childDir = Files.createDirectory(dir.resolve("pipe-child"));
        Path childRecording = childDir.resolve("recording.jfr");
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE);
        List<String> args = new ArrayList<>();
        args.add(child.expectationFile().toString());
        args.addAll(child.jvmOptions(childRecording));

        ChildRun run = child.run(Channels.class, args.toArray(String[]::new)).assertSucceeded();

        RecordedCalls.assertMatch(run.expectations().calls(), ExpectedCall.SELF, run.recording());
        RecordedCalls.assertMatch(run.expectations().calls(), ExpectedCall.PIPE_CHILD,
                Recording.read(childRecording, run));
    }
}
