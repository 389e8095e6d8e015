package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.Failures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Calls that throw (NotSerializableException at the top, nested and for a lambda, a RuntimeException from a
 * custom writeObject, an IOException from the underlying stream, WriteAbortedException on
 * reading, InvalidClassException, ClassNotFoundException and a RuntimeException from a custom
 * readObject) are recorded with their exception class and exact bytes, while the application
 * catches exactly what it catches without the agent: same classes, messages, stack traces,
 * causes and no suppressed exceptions, and the very instance where it can tell.
 */
class FailuresE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void failuresAreRecordedAndTheApplicationSeesItsOwnException(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm recorded = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("with-agent")))
                .withAgent().recording(Profile.DIAGNOSE);
        ChildRun withAgent = recorded.run(Failures.class, recorded.expectationFile().toString()).assertSucceeded();
        ChildJvm plain = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("without-agent")));
        ChildRun withoutAgent = plain.run(Failures.class, plain.expectationFile().toString()).assertSucceeded();

        RecordedCalls.assertMatch(withAgent.expectations().calls(), ExpectedCall.SELF, withAgent.recording());
        assertEquals(withoutAgent.stdout(), withAgent.stdout(),
                "the exceptions the application caught differ with the agent");
        assertEquals(3, withAgent.stdout().lines().filter("same instance: true"::equals).count(),
                "the application must catch the very exception instance that was thrown:\n" + withAgent.stdout());
    }
}
