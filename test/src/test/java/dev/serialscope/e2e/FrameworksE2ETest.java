package dev.serialscope.e2e;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.minlog.Log;
import com.esotericsoftware.reflectasm.MethodAccess;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import dev.serialscope.e2e.frameworks.FrameworkCalls;
import dev.serialscope.e2e.programs.CaseThread;
import dev.serialscope.events.ProbeErrorEvent;
import dev.serialscope.events.SerializationSizesEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kryo 5, Jackson 2 and Protobuf 3 and 4 under the agent, on JDK 17 and 25, with the diagnose
 * settings (every call): one serialscope.Serialization/Deserialization event per top-level call
 * with its framework, exact bytes and channel, none for nested calls, statistics rows per
 * framework that add up to the calls; and nothing but a one-line notice for library classes of
 * another shape, no matter what.
 */
class FrameworksE2ETest {

    private static final long TIMEOUT_SECONDS = 180;
    private static final List<String> FRAMEWORKS = List.of("kryo", "jackson", "protobuf");
    private static final Map<String, String> LIBRARY_PACKAGES = Map.of("kryo", "com.esotericsoftware.kryo.",
            "jackson", "com.fasterxml.jackson.", "protobuf", "com.google.protobuf.");

    static Stream<Arguments> jdksAndProtobufs() {
        return Jdks.all().flatMap(jdk -> Stream.of(Arguments.of(jdk, "protobuf 3"), Arguments.of(jdk, "protobuf 4")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("jdksAndProtobufs")
    void everyTopLevelCallIsOneEventWithExactBytes(Jdk jdk, String protobuf, @TempDir Path dir) throws Exception {
        Path expectations = dir.resolve("expected.tsv");
        ChildRun run = launch(jdk, dir, libraries(protobuf), List.of(), FrameworkCalls.class.getName(),
                expectations.toString()).assertSucceeded();
        Recording recording = run.recording();
        List<String> expected = Files.readAllLines(expectations, StandardCharsets.UTF_8);
        assertFalse(expected.isEmpty(), "the program logged no calls");

        assertAll(
                () -> assertCalls(expected, recording),
                () -> assertNoNestedCalls(recording),
                () -> assertStatistics(recording),
                () -> assertNoProbeErrors(run, recording));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void aFailingHookIsSwitchedOffAndTheApplicationGoesOn(Jdk jdk, @TempDir Path dir) throws Exception {
        Path expectations = dir.resolve("expected.tsv");
        ChildRun run = launch(jdk, dir, libraries("protobuf 3"), List.of(FaultAgent.failing("frameworkWriteExit")),
                FrameworkCalls.class.getName(), expectations.toString()).assertSucceeded();
        Recording recording = run.recording();
        List<RecordedEvent> errors = recording.events(ProbeErrorEvent.NAME);

        // Every framework's write hook throws: each is switched off on its first call, reported once.
        assertEquals(List.of("jackson write", "kryo write", "protobuf write"),
                errors.stream().map(e -> e.getString("hook")).sorted().toList(), run.output());
        assertEquals(3, run.stderr().lines().filter(line -> line.startsWith("[serialscope]")).count(), run.output());
        for (String framework : FRAMEWORKS) {
            assertEquals(0, frameworkEvents(recording, null, "serialscope.Serialization", framework).size(),
                    framework + " writes after the failure");
            assertFalse(frameworkEvents(recording, null, "serialscope.Deserialization", framework).isEmpty(),
                    framework + " reads go on being measured");
        }
        assertTrue(Files.readAllLines(expectations).size() > 20, "the program ran all its cases unaffected");
    }

    /**
     * Classes with the libraries' names but none of the members the advice needs (another major
     * version, a shaded look-alike): one notice per class, no error, no event, the program unaffected;
     * java serialization is still measured.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void librariesOfAnotherShapeAreLeftAlone(Jdk jdk, @TempDir Path dir) throws Exception {
        Path classes = compile(dir.resolve("fake"), Map.of(
                "com/fasterxml/jackson/databind/ObjectMapper", "package com.fasterxml.jackson.databind;"
                        + " public class ObjectMapper { public String writeValueAsString(Object o) { return String.valueOf(o); } }",
                "com/esotericsoftware/kryo/Kryo", "package com.esotericsoftware.kryo;"
                        + " public class Kryo { public void writeObject(Object output, Object o) { } }",
                "com/google/protobuf/AbstractMessageLite", "package com.google.protobuf;"
                        + " public abstract class AbstractMessageLite { public byte[] toByteArray() { return new byte[1]; } }",
                "com/google/protobuf/AbstractParser", "package com.google.protobuf;"
                        + " public abstract class AbstractParser { public Object parseFrom(byte[] data) { return data; } }",
                "fake/Main", "package fake; public class Main { public static void main(String[] a) throws Exception {"
                        + " String s = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(42);"
                        + " new com.esotericsoftware.kryo.Kryo().writeObject(null, s);"
                        + " byte[] b = new com.google.protobuf.AbstractMessageLite() { }.toByteArray();"
                        + " new com.google.protobuf.AbstractParser() { }.parseFrom(b);"
                        + " new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream()).writeObject(s);"
                        + " System.out.println(\"done \" + s + \" \" + b.length); } }"));
        ChildRun run = launch(jdk, dir, List.of(classes), List.of(), "fake.Main").assertSucceeded();
        Recording recording = run.recording();
        List<String> notices = run.stderr().lines().filter(line -> line.startsWith("[serialscope]")).toList();

        assertEquals("done 42 1", run.stdout().strip(), run.output());
        assertEquals(4, notices.size(), "one notice per class of another shape\n" + run.output());
        for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.esotericsoftware.kryo.Kryo",
                "com.google.protobuf.AbstractMessageLite", "com.google.protobuf.AbstractParser")) {
            assertTrue(notices.stream().anyMatch(line -> line.contains(" " + name + " are not recorded")),
                    name + " not named in " + notices);
        }
        assertNoProbeErrors(run, recording, false);
        for (String framework : FRAMEWORKS) {
            assertEquals(0, frameworkEvents(recording, null, "serialscope.Serialization", framework).size(), framework);
            assertEquals(0, frameworkEvents(recording, null, "serialscope.Deserialization", framework).size(), framework);
        }
        assertEquals(1, frameworkEvents(recording, null, "serialscope.Serialization", "java").size(),
                "java serialization is measured as before");
    }

    // ---- checks

    private static void assertCalls(List<String> expectedLines, Recording recording) {
        Map<String, List<String[]>> expectedByThread = new LinkedHashMap<>();
        for (String line : expectedLines) {
            String[] fields = line.split("\t", -1);
            expectedByThread.computeIfAbsent(fields[0], thread -> new ArrayList<>()).add(fields);
        }
        Map<String, List<RecordedEvent>> recordedByThread = new LinkedHashMap<>();
        for (RecordedEvent event : perCallEvents(recording)) {
            String thread = Recording.threadName(event);
            if (thread.startsWith(CaseThread.PREFIX)) {
                recordedByThread.computeIfAbsent(thread, name -> new ArrayList<>()).add(event);
            }
        }
        List<String> problems = new ArrayList<>();
        for (String thread : recordedByThread.keySet()) {
            if (!expectedByThread.containsKey(thread)) {
                problems.add(thread + ": no calls expected, but " + describe(recordedByThread.get(thread)));
            }
        }
        expectedByThread.forEach((thread, expected) -> {
            List<RecordedEvent> recorded = recordedByThread.getOrDefault(thread, List.of());
            if (recorded.size() != expected.size()) {
                problems.add(thread + ": " + expected.size() + " top-level calls, but " + describe(recorded));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                String[] call = expected.get(i);
                RecordedEvent event = recorded.get(i);
                String where = thread + " #" + (i + 1) + " ";
                check(problems, where + "event", call[1], event.getEventType().getName());
                check(problems, where + "framework", call[2], event.getString("framework"));
                RecordedClass rootClass = event.getClass("rootClass");
                check(problems, where + "rootClass", call[3], rootClass == null ? "" : rootClass.getName());
                check(problems, where + "rootClassName", call[3],
                        Objects.requireNonNullElse(event.getString("rootClassName"), ""));
                check(problems, where + "bytes", Long.parseLong(call[4]), event.getLong("bytes"));
                check(problems, where + "channel", call[5], event.getString("channel"));
                check(problems, where + "failure", call[6], Objects.requireNonNullElse(event.getString("failure"), ""));
                check(problems, where + "objects", 0, event.getInt("objects"));
                check(problems, where + "classDescriptors", 0, event.getInt("classDescriptors"));
                check(problems, where + "classDescriptorBytes", 0L, event.getLong("classDescriptorBytes"));
                if (event.getStackTrace() == null || event.getStackTrace().getFrames().stream().noneMatch(frame ->
                        frame.getMethod().getType().getName().startsWith(FrameworkCalls.class.getName()))) {
                    problems.add(where + "the stack trace does not reach the program");
                }
                String top = Recording.topFrameClass(event);
                if (!top.startsWith(LIBRARY_PACKAGES.get(call[2]))) {
                    // The advice commits the event inside the library's method: no frame of the agent on top.
                    problems.add(where + "the stack trace starts in " + top + ", not in " + call[2]);
                }
            }
        });
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatch(es):\n  " + String.join("\n  ", problems));
        }
    }

    /** Leaf objects are only ever written and read inside other calls: no event may name them. */
    private static void assertNoNestedCalls(Recording recording) {
        List<RecordedEvent> nested = perCallEvents(recording).stream()
                .filter(event -> event.getClass("rootClass") != null
                        && event.getClass("rootClass").getName().equals(FrameworkCalls.Leaf.class.getName()))
                .toList();
        assertTrue(nested.isEmpty(), "events for nested calls: " + describe(nested));
    }

    /**
     * With every call recorded, the statistics rows of each direction and framework add up to its events: calls,
     * bytes, failures, the largest call and the calls per size class.
     */
    private static void assertStatistics(Recording recording) {
        List<RecordedEvent> rows = recording.events(SerializationStatisticsEvent.NAME);
        List<RecordedEvent> sizes = recording.events(SerializationSizesEvent.NAME);
        List<String> problems = new ArrayList<>();
        for (String framework : FRAMEWORKS) {
            for (String direction : List.of(SerializationStatisticsEvent.WRITE, SerializationStatisticsEvent.READ)) {
                String eventName = direction.equals("write") ? "serialscope.Serialization" : "serialscope.Deserialization";
                List<RecordedEvent> events = frameworkEvents(recording, null, eventName, framework);
                List<RecordedEvent> mine = rows.stream()
                        .filter(row -> framework.equals(row.getString("framework")) && direction.equals(row.getString("direction")))
                        .toList();
                String what = direction + " " + framework + " statistics: ";
                check(problems, what + "calls", (long) events.size(), mine.stream().mapToLong(row -> row.getInt("calls")).sum());
                check(problems, what + "bytes", events.stream().mapToLong(e -> Math.max(0, e.getLong("bytes"))).sum(),
                        mine.stream().mapToLong(row -> row.getLong("bytes")).sum());
                check(problems, what + "failures", events.stream().filter(e -> e.getString("failure") != null).count(),
                        mine.stream().mapToLong(row -> row.getInt("failures")).sum());
                check(problems, what + "largest call",
                        events.stream().mapToLong(e -> e.getLong("bytes")).max().orElse(0),
                        mine.stream().mapToLong(row -> row.getLong("largestCall")).max().orElse(0));
                check(problems, what + "calls per size class", new TreeMap<>(events.stream()
                                .filter(e -> e.getLong("bytes") >= 0)
                                .collect(Collectors.groupingBy(e -> StatisticsE2ETest.sizeClass(e.getLong("bytes")),
                                        Collectors.counting()))),
                        new TreeMap<>(sizes.stream().filter(bucket -> framework.equals(bucket.getString("framework"))
                                        && direction.equals(bucket.getString("direction")))
                                .collect(Collectors.groupingBy(bucket -> bucket.getLong("minBytes"),
                                        Collectors.summingLong(bucket -> (long) bucket.getInt("calls"))))));
                if (events.isEmpty()) {
                    problems.add(what + "no calls at all");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n  ", problems));
        }
    }

    private static void assertNoProbeErrors(ChildRun run, Recording recording) {
        assertNoProbeErrors(run, recording, true);
    }

    private static void assertNoProbeErrors(ChildRun run, Recording recording, boolean quiet) {
        assertEquals(List.of(), recording.events(ProbeErrorEvent.NAME).stream()
                .map(e -> e.getString("hook") + ": " + e.getString("exception")).toList(), "probe errors");
        if (quiet) {
            assertEquals(List.of(), run.stderr().lines().filter(line -> line.startsWith("[serialscope]")).toList(),
                    "agent messages");
        }
    }

    // ---- helpers

    private static List<RecordedEvent> perCallEvents(Recording recording) {
        List<RecordedEvent> events = new ArrayList<>(recording.events("serialscope.Serialization"));
        events.addAll(recording.events("serialscope.Deserialization"));
        events.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
        return events;
    }

    private static List<RecordedEvent> frameworkEvents(Recording recording, Class<?> unused, String eventName,
                                                       String framework) {
        return recording.events(eventName).stream().filter(e -> framework.equals(e.getString("framework"))).toList();
    }

    private static String describe(List<RecordedEvent> events) {
        List<String> calls = new ArrayList<>();
        for (RecordedEvent event : events) {
            RecordedClass rootClass = event.getClass("rootClass");
            calls.add(event.getEventType().getName() + " " + event.getString("framework") + " "
                    + (rootClass == null ? "null" : rootClass.getName()) + " " + event.getLong("bytes") + " B");
        }
        return events.size() + " event(s) " + calls;
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /** The test classes, Kryo, Jackson and the chosen Protobuf: 3 from this class path, 4 copied by the probe build. */
    private static List<Path> libraries(String protobuf) throws IOException {
        List<Path> path = new ArrayList<>(List.of(codeSourceOf(FrameworkCalls.class), codeSourceOf(Kryo.class),
                codeSourceOf(Log.class), codeSourceOf(MethodAccess.class), codeSourceOf(org.objenesis.Objenesis.class),
                codeSourceOf(ObjectMapper.class), codeSourceOf(JsonFactory.class), codeSourceOf(JsonProperty.class)));
        if (protobuf.equals("protobuf 3")) {
            path.add(codeSourceOf(Struct.class));
        } else {
            Path libs = agentJar().getParent().resolve("framework-libs");
            try (Stream<Path> jars = Files.list(libs)) {
                path.add(jars.filter(jar -> jar.getFileName().toString().matches("protobuf-java-4\\..*\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("no protobuf-java 4 jar in " + libs
                                + " (the probe build copies it there)")));
            }
        }
        return path;
    }

    private static ChildRun launch(Jdk jdk, Path dir, List<Path> classPath, List<String> options, String mainClass,
                                   String... args) throws IOException, InterruptedException {
        assertTrue(jdk.exists(), "no java at " + jdk.java());
        Path recordingFile = dir.resolve("recording.jfr");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-javaagent:" + agentJar(),
                "-XX:StartFlightRecording:filename=" + recordingFile + ",dumponexit=true,settings=default,settings="
                        + Profile.DIAGNOSE.settingsFile(),
                "-Xlog:jfr+startup=error"));
        command.addAll(options);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        String description = mainClass + " on " + jdk + "\n" + String.join(" ", command);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(description + " did not finish within " + TIMEOUT_SECONDS + " s\n" + Files.readString(stderr));
        }
        return new ChildRun(description, process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), recordingFile, null);
    }

    private static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)), "compiling the look-alikes");
        return classes;
    }

    private static Path agentJar() {
        Path jar = Path.of(System.getProperty("serialscope.agent", "(serialscope.agent not set)"));
        assertTrue(Files.isRegularFile(jar), "agent jar not found: " + jar);
        return jar;
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
