package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import dev.serialscope.events.ChannelIoEvent;
import dev.serialscope.events.ChannelStatisticsEvent;
import dev.serialscope.events.ChannelStatisticsFlushEvent;
import dev.serialscope.events.RmiCallEvent;
import dev.serialscope.probe.core.ChannelMetrics;
import dev.serialscope.probe.core.RecordingFollower;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.EventType;

/**
 * Which IPC events the running recordings enable, turned into plain flags for the hot path and
 * into {@link IpcBridge#activate}; and the periodic Channel Statistics, summed over every thread's
 * {@link ChannelTable}. With metrics the tables count whether or not a recording runs, and feed the
 * core's {@link ChannelMetrics}.
 */
final class IpcRecording extends RecordingFollower implements ChannelMetrics.Source {

    /** Channel rows per period (both directions); the rest are summed into "other channels". */
    static final int TOP_ROWS = 50;

    volatile boolean ioEvents;
    volatile boolean rmiEvents;

    private final ChannelCounts counts;
    private EventType ioType;
    private EventType rmiType;

    IpcRecording(ChannelMetrics metrics) {
        this(new ChannelCounts(metrics));
    }

    private IpcRecording(ChannelCounts counts) {
        super(List.of(counts));
        this.counts = counts;
    }

    ChannelTable newTable() {
        return counts.newTable();
    }

    /** The period a counted operation belongs to, for its table's largest operation. */
    long epoch() {
        return counts.epoch();
    }

    @Override
    public void harvest() {
        counts.harvest(statistics());
    }

    @Override
    protected void register() {
        ioType = registered(ChannelIoEvent.class);
        rmiType = registered(RmiCallEvent.class);
        emitStatistics(ChannelStatisticsEvent.class, ChannelStatisticsFlushEvent.class, this::emit);
    }

    @Override
    protected void apply() {
        ioEvents = enabled(ioType);
        rmiEvents = enabled(rmiType);
        IpcBridge.activate(counting() || ioEvents || rmiEvents, rmiEvents);
    }

    /** Runs on JFR's periodic thread, every period and at the end of each chunk. */
    private void emit() {
        refresh();
        if (!statistics()) {
            return;
        }
        List<ChannelTable.ChannelRow> rows = counts.closePeriod();
        rows.sort(Comparator.comparingLong((ChannelTable.ChannelRow r) -> r.bytes)
                .thenComparingLong(r -> r.operations).reversed());
        ChannelTable.ChannelRow otherWrites = new ChannelTable.ChannelRow(ChannelStatisticsEvent.OTHER_CHANNELS, true);
        ChannelTable.ChannelRow otherReads = new ChannelTable.ChannelRow(ChannelStatisticsEvent.OTHER_CHANNELS, false);
        for (int i = 0; i < rows.size(); i++) {
            ChannelTable.ChannelRow row = rows.get(i);
            if (i < TOP_ROWS) {
                commit(row);
            } else {
                (row.write ? otherWrites : otherReads).merge(row);
            }
        }
        if (otherWrites.operations > 0) {
            commit(otherWrites);
        }
        if (otherReads.operations > 0) {
            commit(otherReads);
        }
    }

    private static void commit(ChannelTable.ChannelRow row) {
        ChannelStatisticsEvent event = new ChannelStatisticsEvent();
        event.channel = row.channel;
        event.direction = row.write ? ChannelStatisticsEvent.WRITE : ChannelStatisticsEvent.READ;
        event.operations = (int) Math.min(Integer.MAX_VALUE, row.operations);
        event.bytes = row.bytes;
        event.serializedBytes = row.serialized;
        event.totalTime = row.nanos;
        event.largestOperation = row.largest;
        event.commit();
    }
}
