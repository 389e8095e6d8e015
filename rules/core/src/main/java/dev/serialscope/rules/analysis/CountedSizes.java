package dev.serialscope.rules.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.SizeDistribution;
import dev.serialscope.rules.recording.StatisticsRow;

/**
 * What the statistics counted of one direction and root class over the recording, thresholds or not: its calls,
 * the largest of them (exact) and their size distribution.
 */
public record CountedSizes(boolean write, String rootClass, long calls, long largest, SizeDistribution sizes) {

    /**
     * Every root class of both directions, writes first: empty when the recording has no Serialization Sizes events
     * (made before they existed, or with them disabled). The row of the other classes is no class, and a class
     * whose every call wrote an earlier call's output (a Spark broadcast block) is no payload of its own.
     */
    public static List<CountedSizes> of(RecordingModel recording) {
        List<CountedSizes> counted = new ArrayList<>();
        for (boolean write : new boolean[] {true, false}) {
            String direction = write ? SerialScopeEvents.WRITE : SerialScopeEvents.READ;
            Map<String, SizeDistribution> sizes = recording.sizes(direction);
            Map<String, List<StatisticsRow>> byClass = StatisticsRow.readAll(recording, direction).stream()
                    .filter(row -> !row.rootClass().equals(StatisticsRow.OTHER_CLASSES))
                    .collect(Collectors.groupingBy(StatisticsRow::rootClass, TreeMap::new, Collectors.toList()));
            byClass.forEach((rootClass, rows) -> {
                SizeDistribution distribution = sizes.get(rootClass);
                long calls = StatisticsRow.totalCalls(rows);
                long outputs = rows.stream().mapToLong(StatisticsRow::serializedOutputs).sum();
                if (distribution != null && outputs < calls) {
                    long largest = rows.stream().mapToLong(StatisticsRow::largestCall).max().orElse(0);
                    counted.add(new CountedSizes(write, rootClass, calls, largest, distribution));
                }
            });
        }
        return counted;
    }

    /** The calls of at least {@code limit} bytes. */
    public SizeDistribution.Count atLeast(long limit) {
        return sizes.atLeast(limit);
    }

    /** A size the 95th percentile does not exceed. */
    public long p95AtMost() {
        return sizes.percentileAtMost(0.95, largest);
    }
}
