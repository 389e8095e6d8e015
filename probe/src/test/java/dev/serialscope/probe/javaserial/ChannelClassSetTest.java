package dev.serialscope.probe.javaserial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.serialscope.events.DeserializationLimitsEvent;
import dev.serialscope.events.DeserializedClassEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One channel's set, its events recorded in this JVM. */
class ChannelClassSetTest {

    @TempDir
    Path dir;

    @Test
    void aClassIsWrittenOncePerChunkAndEveryChunkEndsWithTheWholeSet() throws IOException {
        List<RecordedEvent> events = record(set -> {
            set.checked(String.class, -1, 1, 1, 10, 0);
            set.checked(Integer.class, -1, 2, 2, 20, 0);
            set.checked(String.class, -1, 1, 3, 30, 0);
            set.endOfChunk(0);
            // Chunk 1 sees String only; Integer is written when it ends.
            set.checked(String.class, -1, 1, 4, 40, 1);
            set.checked(String.class, -1, 1, 5, 50, 1);
            set.endOfChunk(1);
        });
        assertEquals(List.of("java.lang.String", "java.lang.Integer", "java.lang.String", "java.lang.Integer"),
                events.stream().filter(event -> event.getEventType().getName().equals(DeserializedClassEvent.NAME))
                        .map(event -> event.getClass("serialClass").getName()).toList());
        List<RecordedEvent> limits = events.stream()
                .filter(event -> event.getEventType().getName().equals(DeserializationLimitsEvent.NAME)).toList();
        assertEquals(2, limits.size());
        assertEquals(Map.of("classes", 2, "maxDepth", 2L, "maxReferences", 5L, "maxArrayLength", 0L,
                "maxStreamBytes", 50L, "untrackedChecks", 0L), fields(limits.get(1)));
    }

    @Test
    void theSetIsCappedAndCountsTheChecksOfWhatDidNotFit() throws IOException {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> component : List.of(Object.class, String.class, Integer.class, Long.class, Short.class)) {
            Class<?> type = component;
            for (int dimensions = 1; dimensions <= 255; dimensions++) {
                type = type.arrayType();
                types.add(type);
            }
        }
        List<RecordedEvent> events = record(set -> {
            for (Class<?> type : types) {
                set.checked(type, 3, 1, 1, 1, 0);
            }
            set.endOfChunk(0);
        });
        long written = events.stream()
                .filter(event -> event.getEventType().getName().equals(DeserializedClassEvent.NAME)).count();
        RecordedEvent limits = events.stream()
                .filter(event -> event.getEventType().getName().equals(DeserializationLimitsEvent.NAME))
                .findFirst().orElseThrow();
        assertEquals(ChannelClassSet.MAX_CLASSES, written);
        assertEquals(ChannelClassSet.MAX_CLASSES, limits.getInt("classes"));
        assertEquals(types.size() - ChannelClassSet.MAX_CLASSES, limits.getLong("untrackedChecks"));
    }

    @Test
    void concurrentStreamsOnOneChannelNeverLoseAMaximum() throws Exception {
        ChannelClassSet set = new ChannelClassSet("memory");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    long value = 4L * i + offset;
                    set.checked(null, (int) value, value, value, value, 0);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        List<RecordedEvent> events = record(set, recorded -> recorded.endOfChunk(0));
        long largest = 4L * 99_999 + 3;
        assertEquals(Map.of("classes", 0, "maxDepth", largest, "maxReferences", largest, "maxArrayLength", largest,
                "maxStreamBytes", largest, "untrackedChecks", 0L), fields(events.get(0)));
    }

    private List<RecordedEvent> record(Consumer<ChannelClassSet> checks) throws IOException {
        return record(new ChannelClassSet("socket 10.0.0.1:80"), checks);
    }

    private List<RecordedEvent> record(ChannelClassSet set, Consumer<ChannelClassSet> checks) throws IOException {
        Path file = Files.createTempFile(dir, "class-set-", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(DeserializedClassEvent.class);
            recording.enable(DeserializationLimitsEvent.class);
            recording.start();
            checks.accept(set);
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().startsWith("serialscope."))
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime())).toList();
    }

    private static Map<String, Object> fields(RecordedEvent limits) {
        return new TreeMap<>(List.of("classes", "maxDepth", "maxReferences", "maxArrayLength", "maxStreamBytes",
                "untrackedChecks").stream().collect(Collectors.toMap(name -> name, limits::getValue)));
    }
}
