package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.FaultHost;
import dev.serialscope.events.ProbeErrorEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Never harm the host: {@link FaultHost} runs with the agent while one hook of the agent throws
 * (the fault-injection agent, {@link FaultAgent}), with no failing hook, and with JFR switched off. In every run
 * the application prints exactly what it prints without the agent (its bytes, what it read back,
 * every exception it caught), and exits normally. With a failing hook, the failure is reported
 * once per switched-off direction, as a serialscope.ProbeError event and one line on stderr; the
 * failing direction records nothing after the call in which the hook failed (and what it recorded
 * is exact), while the other direction records every call exactly, per-call events and statistics.
 */
class FaultInjectionE2ETest {

    private static final String WRITE = "ObjectOutputStream.writeObject";
    private static final String READ = "ObjectInputStream.readObject";
    private static final String PROCESS = "ProcessBuilder.start";
    private static final String TRACING = "ObjectOutputStream.writeObject0";
    private static final String CLASS_SET = "ObjectInputStream.filterCheck";
    private static final String NO_FAULT = "none";

    /** The application's stdout without the agent, per JDK: the reference for every run. */
    private static final Map<Path, String> WITHOUT_AGENT = new ConcurrentHashMap<>();

    /**
     * What breaks when a hook fails. The descriptor hooks serve both directions, so the injected
     * fault switches off both; each direction reports once. The failing direction may still have
     * the event of the call in progress when the hook failed ({@code allowedEvents}: the first
     * write or read of FaultHost, or for streamReset the second read, the first one with a TC_RESET).
     */
    enum Hook {
        NONE(NO_FAULT, Set.of(), 0),
        SERIALIZATION_ENTER("serializationEnter", Set.of(WRITE), 1),
        SERIALIZATION_EXIT("serializationExit", Set.of(WRITE), 1),
        DESERIALIZATION_ENTER("deserializationEnter", Set.of(READ), 1),
        DESERIALIZATION_EXIT("deserializationExit", Set.of(READ), 1),
        DESCRIPTOR_ENTER("descriptorEnter", Set.of(WRITE, READ), 1),
        DESCRIPTOR_EXIT("descriptorExit", Set.of(WRITE, READ), 1),
        STREAM_RESET("streamReset", Set.of(READ), 2),
        PROCESS_STARTED("processStarted", Set.of(PROCESS), 0),
        // The composition tracing hooks: only tracing stops, every call is still measured exactly.
        OBJECT_ENTER("objectEnter", Set.of(TRACING), 0),
        OBJECT_EXIT("objectExit", Set.of(TRACING), 0),
        FIELDS_ENTER("fieldsEnter", Set.of(TRACING), 0),
        FIELDS_EXIT("fieldsExit", Set.of(TRACING), 0),
        // The class set of the serial filter: only it stops, every call is still measured exactly.
        CLASS_SET_CHECKED("classSetChecked", Set.of(CLASS_SET), 0);

        final String property;
        final Set<String> reported;
        final int allowedEvents;

        Hook(String property, Set<String> reported, int allowedEvents) {
            this.property = property;
            this.reported = reported;
            this.allowedEvents = allowedEvents;
        }

        boolean breaks(String direction) {
            return reported.contains(direction);
        }

        @Override
        public String toString() {
            return property;
        }
    }

    static Stream<Arguments> jdksAndHooks() {
        return Jdks.all().flatMap(jdk -> Stream.of(Hook.values()).map(hook -> Arguments.of(jdk, hook)));
    }

    @ParameterizedTest(name = "{0}, failing hook: {1}")
    @MethodSource("jdksAndHooks")
    void aFailingHookLeavesTheApplicationAloneAndSwitchesOnlyItsDirectionOff(Jdk jdk, Hook hook, @TempDir Path dir)
            throws Exception {
        ChildJvm child = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("with-agent")))
                .withAgent().recording(Profile.DIAGNOSE);
        if (hook != Hook.NONE) {
            child.options(FaultAgent.failing(hook.property));
        }
        ChildRun run = child.run(FaultHost.class, child.expectationFile().toString()).assertSucceeded();
        String reference = withoutAgent(jdk, dir);
        Recording recording = run.recording();
        List<ExpectedCall> calls = run.expectations().calls();
        if (hook == Hook.PROCESS_STARTED) {
            // Without the hook the agent cannot know the pipe's child: the channel is checked elsewhere.
            calls = calls.stream().map(FaultInjectionE2ETest::withoutPipeChannel).toList();
        }
        List<ExpectedCall> expected = calls;

        assertAll(
                () -> assertEquals(reference, run.stdout(), "the application's output differs with the agent"),
                () -> assertEquals(sorted(hook.reported), sorted(serialScopeLines(run.stderr()).stream()
                                .map(FaultInjectionE2ETest::reportedHook).toList()),
                        "one [serialscope] line on stderr per switched-off hook:\n" + run.stderr()),
                () -> assertEquals(sorted(hook.reported), sorted(recording.events(ProbeErrorEvent.NAME).stream()
                                .map(event -> event.getString("hook")).toList()),
                        "one ProbeError event per switched-off hook"),
                () -> assertEquals(List.of(), recording.events(ProbeErrorEvent.NAME).stream()
                                .map(event -> event.getString("exception"))
                                .filter(exception -> !IllegalStateException.class.getName().equals(exception)).toList(),
                        "ProbeError events name the injected exception"),
                () -> assertDirection(hook, WRITE, ExpectedCall.SERIALIZATION, SerializationStatisticsEvent.WRITE,
                        expected, recording),
                () -> assertDirection(hook, READ, ExpectedCall.DESERIALIZATION, SerializationStatisticsEvent.READ,
                        expected, recording));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void withFlightRecorderDisabledTheApplicationIsUnchanged(Jdk jdk, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, Files.createDirectory(dir.resolve("jfr-off")))
                .withAgent().options("-XX:-FlightRecorder");
        ChildRun run = child.run(FaultHost.class, child.expectationFile().toString()).assertSucceeded();
        assertAll(
                () -> assertEquals(withoutAgent(jdk, dir), run.stdout(),
                        "the application's output differs with the agent under -XX:-FlightRecorder"),
                () -> assertEquals(List.of(), serialScopeLines(run.stderr()),
                        "the agent must stay quiet when JFR is off"),
                () -> assertEquals(false, Files.exists(run.recordingFile()), "no recording was asked for"));
    }

    private static void assertDirection(Hook hook, String direction, String eventName, String statisticsDirection,
                                        List<ExpectedCall> calls, Recording recording) {
        List<String> problems = hook.breaks(direction)
                ? RecordedCalls.prefixMismatches(calls, ExpectedCall.SELF, recording, eventName, hook.allowedEvents)
                : new ArrayList<>(RecordedCalls.mismatches(calls, ExpectedCall.SELF, recording, eventName));
        if (!hook.breaks(direction)) {
            long expectedCalls = calls.stream().filter(call -> call.event().equals(eventName)).count();
            long counted = recording.events(SerializationStatisticsEvent.NAME).stream()
                    .filter(row -> statisticsDirection.equals(row.getString("direction")))
                    .mapToLong(row -> row.getInt("calls")).sum();
            if (counted != expectedCalls) {
                problems.add(statisticsDirection + " statistics count " + counted + " calls, the program made "
                        + expectedCalls);
            }
        }
        assertEquals(List.of(), problems, eventName + (hook.breaks(direction)
                ? " after the hook failed" : " while the other direction's hook failed"));
    }

    private static ExpectedCall withoutPipeChannel(ExpectedCall call) {
        if (call.channel() == null || !call.channel().startsWith("pipe ")) {
            return call;
        }
        return new ExpectedCall(call.jvm(), call.thread(), call.event(), call.rootClass(), call.bytes(), call.objects(),
                call.classDescriptors(), call.identity(), null, call.contentHash(), call.stream(), call.failure(),
                call.filtered());
    }

    /** FaultHost's output without the agent on this JDK, run once per JDK. */
    private static String withoutAgent(Jdk jdk, Path scratch) throws IOException, InterruptedException {
        String cached = WITHOUT_AGENT.get(jdk.home());
        if (cached != null) {
            return cached;
        }
        ChildJvm plain = ChildJvm.on(jdk, Files.createDirectory(scratch.resolve("without-agent")));
        String stdout = plain.run(FaultHost.class, plain.expectationFile().toString()).assertSucceeded().stdout();
        WITHOUT_AGENT.put(jdk.home(), stdout);
        return stdout;
    }

    static List<String> serialScopeLines(String stderr) {
        return stderr.lines().filter(line -> line.contains("[serialscope]")).toList();
    }

    /** "[serialscope] the X hook failed and was switched off; ..." names X. */
    private static String reportedHook(String line) {
        String marker = "[serialscope] the ";
        int start = line.indexOf(marker);
        int end = line.indexOf(" hook failed");
        return start < 0 || end < 0 ? line : line.substring(start + marker.length(), end);
    }

    private static String sorted(Iterable<String> values) {
        // A list, not a set: a hook reported twice is a failure of "report once".
        List<String> all = new ArrayList<>();
        values.forEach(all::add);
        return all.stream().sorted().collect(Collectors.joining(", "));
    }
}
