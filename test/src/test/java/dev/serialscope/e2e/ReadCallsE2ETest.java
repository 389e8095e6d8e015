package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.ReadCalls;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * serialscope.Deserialization under the diagnose settings: one event per top-level readObject or
 * readUnshared with the exact bytes taken from the stream, the root class, and {@code filtered}
 * true exactly when an ObjectInputFilter was set, including reads the filter rejects and reads
 * that fail (see {@link ReadCalls}).
 */
class ReadCallsE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void everyTopLevelReadIsOneEventWithExactBytes(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE);
        ChildRun run = child.run(ReadCalls.class, child.expectationFile().toString()).assertSucceeded();

        RecordedCalls.assertMatch(run.expectations().calls(), ExpectedCall.SELF, run.recording());
    }
}
