package dev.serialscope.e2e;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.minlog.Log;
import com.esotericsoftware.reflectasm.MethodAccess;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import dev.serialscope.e2e.frameworks.FrameworkComposition;
import dev.serialscope.e2e.frameworks.NestedSerializers;
import dev.serialscope.e2e.programs.CaseThread;
import dev.serialscope.events.ProbeErrorEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objenesis.Objenesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kryo 5, Jackson 2 and Protobuf 3 writes traced field by field under the diagnose profile, on JDK 17 and 25: the
 * serialscope.SerializationComposition events of each call, linked to it by callId, have the paths, bytes, counts
 * and value classes the program measured, the same identity where calls carried the same object, and no value
 * of any field. And serializers nested in each other are one call of the outer one.
 */
class FrameworkCompositionE2ETest {

    private static final String COMPOSITION = "serialscope.SerializationComposition";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void sampledWritesAreTracedFieldByFieldWithExactBytes(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runDiagnosed(jdk, dir, FrameworkComposition.class);
        Recording recording = run.recording();
        List<RecordedEvent> calls = recording.events("serialscope.Serialization").stream()
                .filter(event -> Recording.threadName(event).equals(CaseThread.PREFIX + "composition"))
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime())).toList();
        Map<Long, List<RecordedEvent>> pathsOfCall = new HashMap<>();
        for (RecordedEvent path : recording.events(COMPOSITION)) {
            pathsOfCall.computeIfAbsent(path.getLong("callId"), id -> new ArrayList<>()).add(path);
        }
        List<String[]> expected = Files.readAllLines(expectations(dir), StandardCharsets.UTF_8).stream()
                .map(line -> line.split("\t", -1)).toList();
        List<String> problems = new ArrayList<>();
        Map<String, Long> identityOfTag = new LinkedHashMap<>();
        int expectedCalls = expected.stream().mapToInt(line -> Integer.parseInt(line[0])).max().orElse(-1) + 1;
        if (calls.size() != expectedCalls) {
            fail(expectedCalls + " calls expected on the case thread, recorded " + calls.size() + "\n" + run.output());
        }
        for (String[] line : expected) {
            RecordedEvent call = calls.get(Integer.parseInt(line[0]));
            String where = "call " + line[0] + " (" + line[1] + ") " + line[2] + ": ";
            check(problems, where + "framework", line[1], call.getString("framework"));
            List<RecordedEvent> paths = pathsOfCall.getOrDefault(call.getLong("callId"), List.of());
            if (line[2].equals("-")) {
                check(problems, where + "composition events", 0, paths.size());
                continue;
            }
            RecordedEvent path = paths.stream().filter(p -> p.getString("path").equals(line[2])).findFirst().orElse(null);
            if (path == null) {
                problems.add(where + "no such path in " + paths.stream().map(p -> p.getString("path")).toList());
                continue;
            }
            check(problems, where + "rootClass", call.getClass("rootClass").getName(), path.getClass("rootClass").getName());
            check(problems, where + "rootClassName", call.getString("rootClassName"), path.getString("rootClassName"));
            if (!line[3].equals("*")) {
                check(problems, where + "bytes", Long.parseLong(line[3]), path.getLong("bytes"));
            }
            check(problems, where + "count", Integer.parseInt(line[4]), path.getInt("count"));
            RecordedClass valueClass = path.getClass("valueClass");
            if (!line[5].equals("*")) {
                check(problems, where + "valueClass", line[5], valueClass == null ? "-" : valueClass.getName());
                if (!line[5].startsWith("[")) { // array classes read as int[] in the name, [I in the class
                    check(problems, where + "valueClassName", line[5],
                            Objects.requireNonNullElse(path.getString("valueClassName"), "-"));
                }
            }
            if (!line[6].equals("-")) {
                long identity = path.getLong("identity");
                Long first = identityOfTag.putIfAbsent(line[6], identity);
                if (identity == 0 || (first != null && first != identity)) {
                    problems.add(where + "identity " + identity + ", the object tagged " + line[6] + " had " + first);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatch(es):\n  " + String.join("\n  ", problems));
        }
        assertEquals(List.of(), recording.events(ProbeErrorEvent.NAME).stream()
                .map(e -> e.getString("hook") + ": " + e.getString("exception")).toList(), "probe errors");
        byte[] file = Files.readAllBytes(run.recordingFile());
        for (String value : List.of("customer-three", "product 12", "sku-12", "value 3")) {
            assertTrue(PrivacyE2ETest.indexOf(file, value.getBytes(StandardCharsets.UTF_8)) < 0
                    && PrivacyE2ETest.indexOf(file, value.getBytes(StandardCharsets.UTF_16BE)) < 0
                    && PrivacyE2ETest.indexOf(file, value.getBytes(StandardCharsets.UTF_16LE)) < 0,
                    "the value \"" + value + "\" is in the recording " + run.recordingFile());
        }
    }

    /**
     * Kryo inside a java writeObject and readObject (Spark's Kryo serializer inside a java-serialized task), and java
     * serialization inside Kryo (its JavaSerializer): one call of the outer serializer with all the bytes, none of
     * the inner one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void aSerializerInsideAnotherIsPartOfItsCall(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = runDiagnosed(jdk, dir, NestedSerializers.class);
        Recording recording = run.recording();
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(expectations(dir), StandardCharsets.UTF_8)) {
            String[] expected = line.split("\t");
            List<RecordedEvent> events = new ArrayList<>();
            for (String type : List.of("serialscope.Serialization", "serialscope.Deserialization")) {
                recording.events(type).stream().filter(e -> Recording.threadName(e).equals(expected[0])).forEach(events::add);
            }
            List<String> recorded = events.stream().map(e -> e.getEventType().getName() + " " + e.getString("framework")
                    + " " + e.getLong("bytes")).toList();
            check(problems, expected[0], List.of(expected[1] + " " + expected[2] + " " + expected[3]), recorded);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + run.output());
        assertEquals(List.of(), recording.events(ProbeErrorEvent.NAME).stream()
                .map(e -> e.getString("hook") + ": " + e.getString("exception")).toList(), "probe errors");
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /** Runs {@code program} with the agent and the diagnose profile; it writes its expectations to {@link #expectations}. */
    private static ChildRun runDiagnosed(Jdk jdk, Path dir, Class<?> program) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE).classPathOf(libraries());
        return child.run(program, expectations(dir).toString()).assertSucceeded();
    }

    private static Path expectations(Path dir) {
        return dir.resolve("expected.tsv");
    }

    private static Class<?>[] libraries() {
        return new Class<?>[] {FrameworkComposition.class, Kryo.class, Log.class, MethodAccess.class, Objenesis.class,
                ObjectMapper.class, JsonFactory.class, JsonProperty.class, Struct.class};
    }
}
