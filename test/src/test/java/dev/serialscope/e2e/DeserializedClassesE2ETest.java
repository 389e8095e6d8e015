package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ClassSetChunks;
import dev.serialscope.events.DeserializationLimitsEvent;
import dev.serialscope.events.DeserializedClassEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class set per channel, as the production profile records it: every class a serial filter is asked
 * about (nested, array component, proxy interface and handler, a lambda's class), and in every chunk of the recording, also one
 * in which nothing was deserialized; a filter written from it lets the program run under -Djdk.serialFilter.
 */
class DeserializedClassesE2ETest {

    private static final String PROGRAMS = "dev.serialscope.e2e.programs.";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void everyChunkHoldsTheWholeSetAndItsFilterLetsTheProgramRun(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildRun run = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("recorded"))).withAgent()
                .recording(Profile.PRODUCTION).run(ClassSetChunks.class).assertSucceeded();
        List<Path> chunks = chunks(run.recordingFile(), dir);
        Set<String> first = classes(chunks.get(0));
        Launcher.Result written = Launcher.run(jdk, dir, 120, "filter", run.recordingFile().toString());
        ChildRun filtered = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("filtered")))
                .options("-Djdk.serialFilter=" + written.stdout().strip()).run(ClassSetChunks.class);

        assertAll(
                () -> assertTrue(chunks.size() >= 2, "the second recording must begin a new chunk: " + chunks.size()),
                // Arrays as the JVM names them; the ArrayList's elements are checked as an Object[].
                () -> assertTrue(first.containsAll(Set.of("java.util.ArrayList", "java.lang.Integer", "java.lang.Number",
                        "[Ljava.lang.Object;", "[I", "[[Ljava.lang.String;", "[Ljava.lang.String;",
                        PROGRAMS + "ClassSetChunks$Greeter", PROGRAMS + "ClassSetChunks$FixedGreeting",
                        "java.lang.reflect.Proxy")), first.toString()),
                () -> assertTrue(first.stream().anyMatch(name -> name.matches(".*\\$Proxy\\d+")), first.toString()),
                // A lambda is read as a SerializedLambda and replaced by an instance of the lambda's hidden class.
                () -> assertTrue(first.contains("java.lang.invoke.SerializedLambda") && first.stream().anyMatch(
                        name -> name.startsWith(PROGRAMS + "ClassSetChunks$$Lambda")), first.toString()),
                () -> {
                    for (Path chunk : chunks) {
                        assertEquals(first, classes(chunk), chunk.getFileName() + " holds another set");
                        assertEquals(1, events(chunk, DeserializationLimitsEvent.NAME).size(),
                                chunk.getFileName() + ": one limits event for the memory channel");
                    }
                },
                () -> assertEquals(0, written.exitCode(), written.describe()),
                () -> assertEquals(run.stdout(), filtered.stdout(), filtered.output()),
                () -> assertEquals(0, filtered.exitCode(), filtered.output()));
    }

    /** The recording's chunks as files of their own: each chunk is a complete recording. */
    private static List<Path> chunks(Path recording, Path dir) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(recording));
        List<Path> chunks = new ArrayList<>();
        for (int position = 0; position < file.limit();) {
            int size = (int) file.getLong(position + 8);
            byte[] chunk = new byte[size];
            file.get(position, chunk);
            chunks.add(Files.write(dir.resolve("chunk-" + chunks.size() + ".jfr"), chunk));
            position += size;
        }
        return chunks;
    }

    private static Set<String> classes(Path chunk) throws IOException {
        Set<String> names = new TreeSet<>();
        for (RecordedEvent event : events(chunk, DeserializedClassEvent.NAME)) {
            assertEquals("memory", event.getString("channel"));
            names.add(event.getClass("serialClass").getName());
        }
        return names;
    }

    private static List<RecordedEvent> events(Path chunk, String name) throws IOException {
        return RecordingFile.readAllEvents(chunk).stream()
                .filter(event -> event.getEventType().getName().equals(name)).toList();
    }
}
