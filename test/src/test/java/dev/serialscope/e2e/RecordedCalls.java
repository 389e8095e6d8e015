package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.CaseThread;
import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.events.ProbeErrorEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares the per-call events of a recording with the calls a child program logged: on every
 * case thread, exactly one event per top-level call, in call order, with the measured values;
 * and the probe must not have reported a failure of its own. All mismatches are reported
 * together, so one run shows everything the agent got wrong.
 */
final class RecordedCalls {

    private static final List<String> PER_CALL_EVENTS = List.of(ExpectedCall.SERIALIZATION, ExpectedCall.DESERIALIZATION);

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Set<Long>> streamIdsByLabel = new LinkedHashMap<>();
    private final Map<Long, Set<String>> labelsByStreamId = new LinkedHashMap<>();

    private RecordedCalls() {
    }

    /** Checks the calls logged for {@code jvm} against that JVM's recording. */
    static void assertMatch(List<ExpectedCall> logged, String jvm, Recording recording) {
        RecordedCalls check = new RecordedCalls();
        for (String eventName : PER_CALL_EVENTS) {
            check.compareByThread(logged.stream()
                    .filter(call -> call.jvm().equals(jvm) && call.event().equals(eventName))
                    .toList(), eventName, recording);
        }
        check.compareStreamIds();
        for (RecordedEvent error : recording.events(ProbeErrorEvent.NAME)) {
            check.problems.add("the probe reported a failure of its own: hook " + error.getString("hook")
                    + ", " + error.getString("exception"));
        }
        if (check.problems.isEmpty() && logged.stream().noneMatch(call -> call.jvm().equals(jvm))) {
            check.problems.add("the program logged no calls for " + jvm);
        }
        if (!check.problems.isEmpty()) {
            fail(check.problems.size() + " mismatch(es) between the calls and the " + jvm + " recording:\n  "
                    + String.join("\n  ", check.problems));
        }
    }

    /**
     * The mismatches between the logged calls of one event type and the recording, without the
     * check for probe failures: for tests that provoke them on purpose.
     */
    static List<String> mismatches(List<ExpectedCall> logged, String jvm, Recording recording, String eventName) {
        RecordedCalls check = new RecordedCalls();
        check.compareByThread(logged.stream()
                .filter(call -> call.jvm().equals(jvm) && call.event().equals(eventName))
                .toList(), eventName, recording);
        check.compareStreamIds();
        return check.problems;
    }

    /**
     * Like {@link #mismatches}, for a direction whose hook failed: per thread, the events must be
     * the first calls, each exactly as measured, and at most {@code allowed} of them overall.
     */
    static List<String> prefixMismatches(List<ExpectedCall> logged, String jvm, Recording recording, String eventName,
                                         int allowed) {
        RecordedCalls check = new RecordedCalls();
        Map<String, List<ExpectedCall>> expectedByThread = new LinkedHashMap<>();
        logged.stream().filter(call -> call.jvm().equals(jvm) && call.event().equals(eventName))
                .forEach(call -> expectedByThread.computeIfAbsent(call.thread(), t -> new ArrayList<>()).add(call));
        int total = 0;
        Map<String, List<RecordedEvent>> recordedByThread = new LinkedHashMap<>();
        for (RecordedEvent event : recording.events(eventName)) {
            String thread = Recording.threadName(event);
            if (thread.startsWith(CaseThread.PREFIX)) {
                recordedByThread.computeIfAbsent(thread, name -> new ArrayList<>()).add(event);
                total++;
            }
        }
        if (total > allowed) {
            check.problems.add(total + " " + eventName + " event(s) although the hook failed in the first "
                    + allowed + " call(s): " + recordedByThread.keySet());
        }
        recordedByThread.forEach((thread, recorded) -> {
            List<ExpectedCall> expected = expectedByThread.getOrDefault(thread, List.of());
            for (int i = 0; i < recorded.size(); i++) {
                if (i >= expected.size()) {
                    check.problems.add(thread + ": more " + eventName + " events than calls" + summary(recorded));
                    break;
                }
                check.compare(thread + " " + eventName + " #" + (i + 1), expected.get(i), recorded.get(i));
            }
        });
        return check.problems;
    }

    private void compareByThread(List<ExpectedCall> expectedCalls, String eventName, Recording recording) {
        Map<String, List<ExpectedCall>> expectedByThread = new LinkedHashMap<>();
        for (ExpectedCall call : expectedCalls) {
            expectedByThread.computeIfAbsent(call.thread(), thread -> new ArrayList<>()).add(call);
        }
        Map<String, List<RecordedEvent>> recordedByThread = new LinkedHashMap<>();
        for (RecordedEvent event : recording.events(eventName)) {
            String thread = Recording.threadName(event);
            if (thread.startsWith(CaseThread.PREFIX)) {
                recordedByThread.computeIfAbsent(thread, name -> new ArrayList<>()).add(event);
            }
        }
        Set<String> threads = new LinkedHashSet<>(expectedByThread.keySet());
        threads.addAll(recordedByThread.keySet());
        for (String thread : threads) {
            List<ExpectedCall> expected = expectedByThread.getOrDefault(thread, List.of());
            List<RecordedEvent> recorded = recordedByThread.getOrDefault(thread, List.of());
            if (expected.size() != recorded.size()) {
                problems.add(String.format("%s: %d top-level call(s), but %d %s event(s)%s", thread, expected.size(),
                        recorded.size(), eventName, summary(recorded)));
                continue;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(thread + " " + eventName + " #" + (i + 1), expected.get(i), recorded.get(i));
            }
        }
    }

    private void compare(String where, ExpectedCall expected, RecordedEvent event) {
        check(where, "framework", "java", event.getString("framework"));
        RecordedClass rootClass = event.getClass("rootClass");
        String recordedRoot = rootClass == null ? "" : rootClass.getName();
        if (!sameClassName(expected.rootClass(), recordedRoot)) {
            problems.add(where + ": rootClass expected <" + expected.rootClass() + "> but was <" + recordedRoot + ">");
        }
        checkIfExpected(where, "bytes", expected.bytes(), event.getLong("bytes"));
        checkIfExpected(where, "objects", expected.objects(), event.getInt("objects"));
        checkIfExpected(where, "classDescriptors", expected.classDescriptors(), event.getInt("classDescriptors"));
        checkIfExpected(where, "identity", expected.identity() == null ? null : expected.identity().longValue(),
                event.getLong("identity"));
        checkIfExpected(where, "channel", expected.channel(), event.getString("channel"));
        checkIfExpected(where, "contentHash", expected.contentHash(), event.getLong("contentHash"));
        check(where, "failure", expected.failure(), Objects.requireNonNullElse(event.getString("failure"), ""));
        if (expected.filtered() != null) {
            check(where, "filtered", expected.filtered(), event.getBoolean("filtered"));
        }
        if (!stackReachesProgram(event.getStackTrace())) {
            problems.add(where + ": the stack trace does not reach the calling program");
        }
        String top = topFrameClass(event.getStackTrace());
        if (!top.equals("java.io.ObjectOutputStream") && !top.equals("java.io.ObjectInputStream")) {
            // The advice commits the event inside writeObject/readObject: no frame of the agent on top (issue 16).
            problems.add(where + ": the stack trace starts in " + top + ", not in the JDK's stream method");
        }
        streamIdsByLabel.computeIfAbsent(expected.stream(), label -> new LinkedHashSet<>()).add(event.getLong("streamId"));
        labelsByStreamId.computeIfAbsent(event.getLong("streamId"), id -> new LinkedHashSet<>()).add(expected.stream());
    }

    /** One stream, one streamId: the same for all calls on a stream, different between streams. */
    private void compareStreamIds() {
        streamIdsByLabel.forEach((label, ids) -> {
            if (ids.size() != 1) {
                problems.add("stream \"" + label + "\": calls on it carry different streamIds " + ids);
            }
        });
        labelsByStreamId.forEach((id, labels) -> {
            if (labels.size() != 1) {
                problems.add("streamId " + id + " is shared by different streams " + labels);
            }
        });
    }

    /**
     * Hidden classes (lambdas) are named Outer$$Lambda/0x... by Class.getName(), but JFR spells
     * the separator differently and on JDK 17 appends a number (Outer$$Lambda+0x....123).
     */
    private static boolean sameClassName(String expected, String recorded) {
        int separator = expected.indexOf("/0x");
        if (separator < 0) {
            return expected.equals(recorded);
        }
        String name = expected.substring(0, separator);
        return recorded.startsWith(name)
                && recorded.startsWith(expected.substring(separator + 1), name.length() + 1);
    }

    private static String topFrameClass(RecordedStackTrace stackTrace) {
        return stackTrace == null || stackTrace.getFrames().isEmpty() ? "(no stack trace)"
                : stackTrace.getFrames().get(0).getMethod().getType().getName();
    }

    private static boolean stackReachesProgram(RecordedStackTrace stackTrace) {
        if (stackTrace == null) {
            return false;
        }
        for (RecordedFrame frame : stackTrace.getFrames()) {
            if (frame.getMethod().getType().getName().startsWith(CaseThread.class.getPackageName() + ".")) {
                return true;
            }
        }
        return false;
    }

    private void checkIfExpected(String where, String field, Object expected, Object actual) {
        if (expected != null) {
            check(where, field, expected, actual);
        }
    }

    private void check(String where, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(where + ": " + field + " expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static String summary(List<RecordedEvent> recorded) {
        if (recorded.isEmpty()) {
            return "";
        }
        List<String> calls = new ArrayList<>();
        for (RecordedEvent event : recorded) {
            RecordedClass rootClass = event.getClass("rootClass");
            calls.add((rootClass == null ? "null" : rootClass.getName()) + " " + event.getLong("bytes") + " B");
        }
        return ": " + calls;
    }
}
