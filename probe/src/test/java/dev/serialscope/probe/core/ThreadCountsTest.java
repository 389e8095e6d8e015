package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.serialscope.events.SerializationCallEvent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each harvest has the largest call and the size distribution of exactly the calls it counts. */
class ThreadCountsTest {

    @Test
    void aHarvestHasTheLargestCallAndBucketsOfItsOwnCalls() {
        ThreadCounts counts = new ThreadCounts(Thread.currentThread());
        counts.add(String.class, 100, 0, 0, false);
        counts.add(String.class, 5000, 0, 0, false);
        counts.add(String.class, 131072, 0, 0, false);
        counts.add(String.class, SerializationCallEvent.BYTES_UNKNOWN, 0, 0, false);
        counts.add(null, 70, 0, 0, false);

        Map<Class<?>, StatisticsRow> first = new HashMap<>();
        StatisticsRow firstOther = new StatisticsRow(null);
        counts.harvest(first, firstOther);
        StatisticsRow strings = first.get(String.class);
        assertEquals(4, strings.get(ThreadCounts.CALLS));
        assertEquals(131072, strings.largest);
        assertEquals(1, calls(strings, 100));
        assertEquals(1, calls(strings, 5000));
        assertEquals(1, calls(strings, 131072));
        assertEquals(131072, bytes(strings, 131072));
        assertEquals(3, totalCalls(strings), "the call that could not be measured has no size");
        assertEquals(70, firstOther.largest);
        assertEquals(1, calls(firstOther, 70));

        counts.add(String.class, 10, 0, 0, false);
        Map<Class<?>, StatisticsRow> second = new HashMap<>();
        counts.harvest(second, new StatisticsRow(null));
        assertEquals(10, second.get(String.class).largest, "the earlier period's largest call is not this one's");
        assertEquals(1, totalCalls(second.get(String.class)));
    }

    @Test
    void everyCallIsInExactlyOneHarvestWhileTheOwnerKeepsCounting() throws Exception {
        ThreadCounts[] counts = new ThreadCounts[1];
        int callsPerSize = 200_000;
        Thread owner = new Thread(() -> {
            for (int i = 0; i < callsPerSize; i++) {
                counts[0].add(String.class, 1000, 0, 0, false);
                counts[0].add(String.class, (1 << 20) + i, 0, 0, false);
            }
        });
        counts[0] = new ThreadCounts(owner);
        owner.start();
        StatisticsRow sum = new StatisticsRow(String.class);
        long largest = 0;
        while (owner.isAlive()) {
            largest = Math.max(largest, harvestInto(counts[0], sum));
        }
        owner.join();
        largest = Math.max(largest, harvestInto(counts[0], sum));
        assertEquals(2L * callsPerSize, sum.get(ThreadCounts.CALLS));
        assertEquals(callsPerSize, calls(sum, 1000));
        assertEquals(callsPerSize, calls(sum, 1 << 20));
        assertEquals((1 << 20) + callsPerSize - 1, largest, "the largest call of all is in one harvest");
    }

    private static long harvestInto(ThreadCounts counts, StatisticsRow sum) {
        Map<Class<?>, StatisticsRow> rows = new HashMap<>();
        counts.harvest(rows, new StatisticsRow(null));
        StatisticsRow row = rows.get(String.class);
        if (row == null) {
            return 0;
        }
        sum.add(row);
        return row.largest;
    }

    private static long calls(StatisticsRow row, long bytes) {
        return row.sizes[SizeBuckets.offset(bytes)];
    }

    private static long bytes(StatisticsRow row, long bytes) {
        return row.sizes[SizeBuckets.offset(bytes) + 1];
    }

    private static long totalCalls(StatisticsRow row) {
        long calls = 0;
        for (int bucket = 0; bucket < SizeBuckets.BUCKETS; bucket++) {
            calls += row.sizes[bucket * 2];
        }
        return calls;
    }
}
