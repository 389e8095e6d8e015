package dev.serialscope.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The events of one JFR file, read with jdk.jfr.consumer.RecordingFile. */
final class Recording {

    private final List<RecordedEvent> events;
    private final List<EventType> types;

    private Recording(List<RecordedEvent> events, List<EventType> types) {
        this.events = events;
        this.types = types;
    }

    static Recording read(Path file, ChildRun run) {
        assertTrue(Files.isRegularFile(file), () -> "no recording at " + file + " from " + run.description()
                + "\n" + run.output());
        try (RecordingFile recording = new RecordingFile(file)) {
            List<EventType> types = recording.readEventTypes();
            List<RecordedEvent> events = new ArrayList<>();
            while (recording.hasMoreEvents()) {
                events.add(recording.readEvent());
            }
            return new Recording(events, types);
        } catch (IOException e) {
            return fail("cannot read " + file + " from " + run.description(), e);
        }
    }

    List<RecordedEvent> all() {
        return events;
    }

    /** Events of one type in the order they started (per thread, the order of the calls). */
    List<RecordedEvent> events(String name) {
        return events.stream()
                .filter(event -> event.getEventType().getName().equals(name))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime))
                .toList();
    }

    List<EventType> types() {
        return types;
    }

    /**
     * The class of the top frame of the event's stack trace. The advice commits the java and framework per-call
     * events inside the instrumented method, so for them this is the JDK's or the library's class, never the agent's.
     */
    static String topFrameClass(RecordedEvent event) {
        RecordedStackTrace stackTrace = event.getStackTrace();
        return stackTrace == null || stackTrace.getFrames().isEmpty() ? "(no stack trace)"
                : stackTrace.getFrames().get(0).getMethod().getType().getName();
    }

    static String threadName(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        return thread == null ? "" : thread.getJavaName();
    }
}
