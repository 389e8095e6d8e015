package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import dev.serialscope.events.ChannelIoEvent;
import dev.serialscope.events.ChannelStatisticsEvent;
import dev.serialscope.events.ChannelStatisticsFlushEvent;
import dev.serialscope.events.RmiCallEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import dev.serialscope.probe.core.RecordingFollower;
import jdk.jfr.EventType;

/**
 * Which IPC events the running recordings enable, turned into plain flags for the hot path and
 * into {@link IpcBridge#activate}; and the periodic Channel Statistics,
 * summed over every thread's {@link ChannelTable}.
 */
final class IpcRecording extends RecordingFollower {

    /** Channel rows per period (both directions); the rest are summed into "other channels". */
    static final int TOP_ROWS = 50;

    volatile boolean ioEvents;
    volatile boolean rmiEvents;
    /** Advances once per period; a table's largest operation belongs to the period it was counted in. */
    volatile long epoch;

    private final Set<ChannelTable> tables;
    private EventType ioType;
    private EventType rmiType;

    IpcRecording() {
        this(ConcurrentHashMap.newKeySet());
    }

    private IpcRecording(Set<ChannelTable> tables) {
        super(tables);
        this.tables = tables;
    }

    ChannelTable newTable() {
        ChannelTable table = new ChannelTable(Thread.currentThread());
        tables.add(table);
        return table;
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
    private synchronized void emit() {
        refresh();
        if (!statistics()) {
            return;
        }
        long closing = epoch;
        Map<String, ChannelTable.ChannelRow[]> byChannel = new HashMap<>();
        for (Iterator<ChannelTable> it = tables.iterator(); it.hasNext();) {
            ChannelTable table = it.next();
            // Seen retired or dead before the harvest: its last counts are visible and none can follow.
            boolean done = table.retired || !table.ownerAlive();
            table.harvest(byChannel, closing);
            if (done) {
                it.remove();
            }
        }
        epoch = closing + 1;
        List<ChannelTable.ChannelRow> rows = new ArrayList<>();
        for (ChannelTable.ChannelRow[] pair : byChannel.values()) {
            for (ChannelTable.ChannelRow row : pair) {
                if (row != null) {
                    rows.add(row);
                }
            }
        }
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
