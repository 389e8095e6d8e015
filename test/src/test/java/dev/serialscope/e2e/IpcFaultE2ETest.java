package dev.serialscope.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serialscope.e2e.programs.IpcTraffic;
import dev.serialscope.e2e.programs.RmiTraffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure inside an IPC or RMI hook of the agent (injected by the fault-injection agent, {@link FaultAgent}) never
 * reaches the application: the hook is switched off, reported once on standard error and as a
 * serialscope.ProbeError event, and the program's traffic is unchanged. Java serialization goes on
 * being measured.
 */
class IpcFaultE2ETest {

    static Stream<Arguments> ioHooks() {
        return Jdks.all().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "ipcIoEnter", "IPC I/O"),
                Arguments.of(jdk, "ipcIoExit", "IPC I/O"),
                Arguments.of(jdk, "ipcContextEnter", "IPC serialization context"),
                Arguments.of(jdk, "ipcContextExit", "IPC serialization context")));
    }

    static Stream<Arguments> rmiHooks() {
        return Jdks.all().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "ipcRmiClientEnter"),
                Arguments.of(jdk, "ipcRmiServerEnter"),
                Arguments.of(jdk, "ipcRmiExit")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ioHooks")
    void aFailingChannelHookIsSwitchedOff(Jdk jdk, String hook, String reported, @TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.txt");
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .options(FaultAgent.failing(hook))
                .run(IpcTraffic.class, measured.toString()).assertSucceeded();
        Recording recording = run.recording();
        List<String> errors = recording.events("serialscope.ProbeError").stream().map(e -> e.getString("hook")).toList();
        assertAll(
                () -> assertEquals(List.of(reported), errors, run.output()),
                () -> assertEquals(1, run.stderr().lines().filter(line -> line.startsWith("[serialscope]")).count(),
                        run.output()),
                () -> assertEquals(12, Files.readAllLines(measured).size(), "the program ran unaffected"),
                () -> assertFalse(recording.events("serialscope.Serialization").isEmpty(),
                        "java serialization is still measured"));
        if (reported.equals("IPC I/O")) {
            // Switched off at the first operation: no statistics of the program's channels.
            String socket = Files.readAllLines(measured).get(0).split("\t")[0];
            assertTrue(IpcE2ETest.channelTotals(recording).keySet().stream().noneMatch(key -> key.startsWith(socket)),
                    run::output);
        } else {
            // Channels are still counted, only no longer attributed to serialization.
            String[] pipe = Files.readAllLines(measured).stream().filter(line -> line.startsWith("pipe ")).findFirst()
                    .orElseThrow().split("\t");
            assertEquals(Long.parseLong(pipe[2]), IpcE2ETest.channelTotals(recording).get(pipe[0] + " " + pipe[1])[0]);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rmiHooks")
    void aFailingRmiHookIsSwitchedOff(Jdk jdk, String hook, @TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.txt");
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .options(FaultAgent.failing(hook))
                .run(RmiTraffic.class, measured.toString()).assertSucceeded();
        Recording recording = run.recording();
        List<String> errors = recording.events("serialscope.ProbeError").stream().map(e -> e.getString("hook")).toList();
        List<RecordedEvent> calls = recording.events("serialscope.RmiCall");
        List<String> lines = Files.readAllLines(measured);
        assertAll(
                () -> assertEquals(List.of("RMI"), errors, run.output()),
                () -> assertEquals(1, run.stderr().lines().filter(line -> line.startsWith("[serialscope]")).count(),
                        run.output()),
                () -> assertEquals(5, lines.size(), "the program ran unaffected"),
                () -> assertEquals("java.lang.IllegalArgumentException", lines.get(4).split("\t", -1)[3],
                        "the remote exception reaches the client unchanged"),
                () -> assertTrue(calls.size() <= 1, "RMI calls after the failure: " + calls.size()),
                () -> assertFalse(IpcE2ETest.channelTotals(recording).isEmpty(), "channels are still counted"));
    }
}
