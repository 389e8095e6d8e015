package dev.serialscope.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import dev.serialscope.e2e.frameworks.FrameworkChannels;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Serialization linked to transport for third-party serializers: Jackson and Protobuf writing
 * straight to a socket stream. Every byte the peer received is a serialized byte of that socket
 * in the channel statistics, and the channel I/O events name the framework and the root class.
 */
class IpcFrameworksE2ETest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void frameworkWritesOnASocketAreSerializedBytes(Jdk jdk, @TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.txt");
        ChildRun run = launch(jdk, dir, FrameworkChannels.class.getName(), measured.toString()).assertSucceeded();
        Recording recording = run.recording();
        Map<String, long[]> totals = IpcE2ETest.channelTotals(recording);
        List<String> lines = Files.readAllLines(measured);
        assertEquals(2, lines.size(), run::output);
        for (String line : lines) {
            String[] fields = line.split("\t");
            String framework = fields[0];
            String channel = fields[1];
            long received = Long.parseLong(fields[2]);
            long[] writes = totals.get(channel + " write");
            assertNotNull(writes, () -> channel + " not in " + totals.keySet());
            List<RecordedEvent> io = recording.events("serialscope.ChannelIO").stream()
                    .filter(e -> channel.equals(e.getString("channel"))).toList();
            String root = framework.equals("jackson") ? FrameworkChannels.Report.class.getName() : Struct.class.getName();
            assertAll(framework,
                    () -> assertEquals(received, writes[0], "bytes"),
                    () -> assertEquals(received, writes[1], "serialized bytes"),
                    // Jackson hands the socket 8,000-byte chunks, above the diagnose threshold of 4 KiB; protobuf's
                    // chunks stay just below it and are written only when one is slow (1 ms).
                    () -> assertTrue(!framework.equals("jackson") || !io.isEmpty(), "channel I/O events"),
                    () -> assertTrue(io.stream().allMatch(e -> framework.equals(e.getString("framework"))),
                            "framework of the channel I/O events"),
                    () -> assertTrue(io.stream().allMatch(e -> root.equals(e.<RecordedClass>getValue("rootClass").getName())),
                            "root class of the channel I/O events"));
        }
        assertTrue(run.stderr().lines().noneMatch(l -> l.startsWith("[serialscope]")), run::output);
    }

    private static ChildRun launch(Jdk jdk, Path dir, String mainClass, String... args) throws Exception {
        assertTrue(jdk.exists(), "no java at " + jdk.java());
        List<Path> classPath = List.of(codeSourceOf(FrameworkChannels.class), codeSourceOf(ObjectMapper.class),
                codeSourceOf(JsonFactory.class), codeSourceOf(JsonProperty.class), codeSourceOf(Struct.class));
        Path recordingFile = dir.resolve("recording.jfr");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Path agent = Path.of(System.getProperty("serialscope.agent", "(serialscope.agent not set)"));
        assertTrue(Files.isRegularFile(agent), "agent jar not found: " + agent);
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-javaagent:" + agent,
                "-XX:StartFlightRecording:filename=" + recordingFile + ",dumponexit=true,settings=default,settings="
                        + Profile.DIAGNOSE.settingsFile(),
                "-Xlog:jfr+startup=error",
                "-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        String description = mainClass + " on " + jdk + "\n" + String.join(" ", command);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(description + " did not finish within 120 s\n" + Files.readString(stderr));
        }
        return new ChildRun(description, process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), recordingFile, null);
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
