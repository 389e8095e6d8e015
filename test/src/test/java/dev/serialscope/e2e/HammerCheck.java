package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.Hammer;
import dev.serialscope.events.ProbeErrorEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Checks a recording of {@link Hammer} that covered the whole run with threshold 0: per thread,
 * the multiset of event sizes equals the calls made (no event lost or duplicated); callIds, when
 * the probe fills them, are unique; statistics totals equal the calls and bytes exactly.
 */
final class HammerCheck {

    private HammerCheck() {
    }

    /** Calls per thread as printed by Hammer ("count THREAD WRITES READS"). */
    static Map<String, Long> counts(String stdout) {
        Map<String, Long> counts = new TreeMap<>();
        stdout.lines().filter(line -> line.startsWith("count ")).forEach(line -> {
            String[] parts = line.split(" ");
            String thread = String.join(" ", List.of(parts).subList(1, parts.length - 2));
            counts.put(thread, Long.parseLong(parts[parts.length - 2]));
        });
        return counts;
    }

    static List<String> problems(Map<String, Long> counts, Recording recording) {
        List<String> problems = new ArrayList<>();
        for (String eventName : List.of(ExpectedCall.SERIALIZATION, ExpectedCall.DESERIALIZATION)) {
            Map<String, Map<Long, Integer>> sizesByThread = new HashMap<>();
            for (RecordedEvent event : recording.events(eventName)) {
                sizesByThread.computeIfAbsent(Recording.threadName(event), t -> new TreeMap<>())
                        .merge(event.getLong("bytes"), 1, Integer::sum);
            }
            counts.forEach((thread, calls) -> {
                Map<Long, Integer> expected = expectedSizes(calls);
                Map<Long, Integer> recorded = sizesByThread.getOrDefault(thread, Map.of());
                if (!expected.equals(recorded)) {
                    problems.add(eventName + " on " + thread + ": " + calls + " calls, "
                            + recorded.values().stream().mapToInt(Integer::intValue).sum() + " events; "
                            + difference(expected, recorded));
                }
            });
            sizesByThread.keySet().stream().filter(thread -> !counts.containsKey(thread))
                    .forEach(thread -> problems.add(eventName + " events on " + thread + ", which made no calls"));
        }
        List<Long> callIds = new ArrayList<>();
        for (String eventName : List.of(ExpectedCall.SERIALIZATION, ExpectedCall.DESERIALIZATION)) {
            recording.events(eventName).forEach(event -> callIds.add(event.getLong("callId")));
        }
        if (callIds.stream().anyMatch(id -> id != 0)) {
            Set<Long> unique = new HashSet<>(callIds);
            if (unique.size() != callIds.size() || unique.contains(0L)) {
                problems.add("callIds are not unique and non-zero: " + callIds.size() + " events, "
                        + unique.size() + " distinct ids" + (unique.contains(0L) ? ", some 0" : ""));
            }
        }
        long totalCalls = counts.values().stream().mapToLong(Long::longValue).sum();
        long totalBytes = counts.values().stream().mapToLong(HammerCheck::bytesOf).sum();
        for (String direction : List.of(SerializationStatisticsEvent.WRITE, SerializationStatisticsEvent.READ)) {
            List<RecordedEvent> rows = recording.events(SerializationStatisticsEvent.NAME).stream()
                    .filter(row -> direction.equals(row.getString("direction"))).toList();
            long calls = rows.stream().mapToLong(row -> row.getInt("calls")).sum();
            long bytes = rows.stream().mapToLong(row -> row.getLong("bytes")).sum();
            if (calls != totalCalls || bytes != totalBytes) {
                problems.add(direction + " statistics: " + calls + " calls, " + bytes + " bytes; the program made "
                        + totalCalls + " calls, " + totalBytes + " bytes");
            }
        }
        long lost = recording.events("jdk.DataLoss").size();
        if (lost > 0) {
            problems.add("JFR itself lost data (" + lost + " jdk.DataLoss events): the load is too high for an exact count");
        }
        recording.events(ProbeErrorEvent.NAME).forEach(error -> problems.add("ProbeError: hook "
                + error.getString("hook") + ", " + error.getString("exception")));
        return problems;
    }

    private static Map<Long, Integer> expectedSizes(long calls) {
        Map<Long, Integer> sizes = new TreeMap<>();
        for (long i = 1; i <= calls; i++) {
            sizes.merge(Hammer.length(i) + 3L, 1, Integer::sum);
        }
        return sizes;
    }

    private static long bytesOf(long calls) {
        long bytes = 0;
        for (long i = 1; i <= calls; i++) {
            bytes += Hammer.length(i) + 3L;
        }
        return bytes;
    }

    private static String difference(Map<Long, Integer> expected, Map<Long, Integer> recorded) {
        List<String> lines = new ArrayList<>();
        Set<Long> sizes = new HashSet<>(expected.keySet());
        sizes.addAll(recorded.keySet());
        sizes.stream().sorted().forEach(size -> {
            int want = expected.getOrDefault(size, 0);
            int got = recorded.getOrDefault(size, 0);
            if (want != got && lines.size() < 10) {
                lines.add(size + " B: " + want + " calls, " + got + " events");
            }
        });
        return String.join("; ", lines);
    }
}
