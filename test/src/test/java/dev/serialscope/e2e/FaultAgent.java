package dev.serialscope.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test-only fault-injection agent (built from probe's test classes, never part of the agent
 * jar): loaded after the SerialScope agent, it makes one of its hooks throw.
 */
final class FaultAgent {

    private FaultAgent() {
    }

    /** The JVM option that makes {@code hook} throw, e.g. serializationExit, frameworkWriteExit, ipcIoEnter. */
    static String failing(String hook) {
        Path jar = Path.of(System.getProperty("serialscope.faultInjection", "(serialscope.faultInjection not set)"));
        assertTrue(Files.isRegularFile(jar), "fault-injection agent not found: " + jar);
        return "-javaagent:" + jar + "=" + hook;
    }
}
