package dev.serialscope.probe.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.serialscope.probe.core.ChannelMetrics;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The running channel totals for metrics and the period's Channel Statistics rows read the same counts, each once. */
class ChannelCountsTest {

    private static final ChannelMetrics.Row SOCKET_WRITES = new ChannelMetrics.Row("socket", "write");
    private static final ChannelMetrics.Row PIPE_READS = new ChannelMetrics.Row("pipe", "read");

    @Test
    void totalsByKindKeepWhatARecordingsStartForgets() {
        AtomicBoolean recording = new AtomicBoolean(false);
        ChannelMetrics metrics = new ChannelMetrics();
        ChannelCounts counts = new ChannelCounts(metrics);
        metrics.countedBy(new ChannelMetrics.Source() {
            @Override
            public void countAlways() {
            }

            @Override
            public void harvest() {
                counts.harvest(recording.get());
            }
        });
        ChannelTable table = counts.newTable();
        int first = table.slotOf("socket 127.0.0.1:4000");
        int second = table.slotOf("socket 127.0.0.1:4001");
        int pipe = table.slotOf("pipe (child pid 77)");
        table.add(first, true, 100, 40, 7, counts.epoch());
        counts.forget(); // a recording starts: its first period must not hold this write
        recording.set(true);
        table.add(second, true, 50, 0, 3, counts.epoch());
        table.add(pipe, false, 9, 0, 1, counts.epoch());
        assertEquals(150, metrics.total(SOCKET_WRITES, ChannelMetrics.BYTES), "a read in the middle of a period");
        table.add(first, true, 1, 1, 2, counts.epoch());
        table.add(pipe, false, -1, 0, 1, counts.epoch()); // the end of the stream: an operation, no bytes

        List<ChannelTable.ChannelRow> period = counts.closePeriod();
        assertEquals(List.of("pipe (child pid 77) read 2 9", "socket 127.0.0.1:4000 write 1 1",
                "socket 127.0.0.1:4001 write 1 50"), period.stream().map(ChannelCountsTest::describe).sorted().toList());
        assertEquals(Set.of(SOCKET_WRITES, PIPE_READS), metrics.rows());
        assertEquals(3, metrics.total(SOCKET_WRITES, ChannelMetrics.OPERATIONS));
        assertEquals(151, metrics.total(SOCKET_WRITES, ChannelMetrics.BYTES));
        assertEquals(41, metrics.total(SOCKET_WRITES, ChannelMetrics.SERIALIZED_BYTES));
        assertEquals(12, metrics.total(SOCKET_WRITES, ChannelMetrics.NANOS));
        assertEquals(2, metrics.total(PIPE_READS, ChannelMetrics.OPERATIONS));
        assertEquals(9, metrics.total(PIPE_READS, ChannelMetrics.BYTES));
        assertEquals(0, metrics.total(new ChannelMetrics.Row("file", "write"), ChannelMetrics.BYTES));
        assertEquals(List.of(), counts.closePeriod(), "every count reported once");
    }

    private static String describe(ChannelTable.ChannelRow row) {
        return row.channel + " " + (row.write ? "write" : "read") + " " + row.operations + " " + row.bytes;
    }
}
