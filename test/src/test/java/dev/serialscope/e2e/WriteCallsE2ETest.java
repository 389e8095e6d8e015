package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.WriteCalls;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * serialscope.Serialization under the diagnose settings: one event per top-level writeObject or
 * writeUnshared with the exact bytes the stream grew by, root class, object and descriptor
 * counts, identity, channel and streamId, for every kind of object the serialization spec knows
 * (see {@link WriteCalls}).
 */
class WriteCallsE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void everyTopLevelWriteIsOneEventWithExactBytes(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE);
        ChildRun run = child.run(WriteCalls.class, child.expectationFile().toString()).assertSucceeded();

        RecordedCalls.assertMatch(run.expectations().calls(), ExpectedCall.SELF, run.recording());
    }
}
