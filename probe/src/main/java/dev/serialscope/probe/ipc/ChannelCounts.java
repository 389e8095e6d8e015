package dev.serialscope.probe.ipc;

import dev.serialscope.events.ChannelStatisticsEvent;
import dev.serialscope.probe.core.ChannelMetrics;
import dev.serialscope.probe.core.PeriodicCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every thread's {@link ChannelTable}, harvested into the running totals for metrics and, while a recording wants
 * the Channel Statistics, into the period's rows: the MBeans and the statistics events read the same counts, each
 * operation once. A table that was retired or whose thread ended is harvested once more and dropped.
 */
final class ChannelCounts implements PeriodicCounts {

    private final Set<ChannelTable> tables = ConcurrentHashMap.newKeySet();
    private final ChannelMetrics metrics;
    private final Map<String, ChannelTable.ChannelRow[]> period = new HashMap<>();
    /** Advances once per period; a table's largest operation belongs to the period it was counted in. */
    private volatile long epoch;

    ChannelCounts(ChannelMetrics metrics) {
        this.metrics = metrics;
    }

    ChannelTable newTable() {
        ChannelTable table = new ChannelTable(Thread.currentThread());
        tables.add(table);
        return table;
    }

    long epoch() {
        return epoch;
    }

    /** A new recording's first period starts now: what was counted before goes to the totals only. */
    @Override
    public synchronized void forget() {
        harvest(false);
        period.clear();
    }

    /** Ends the period: its rows, both directions, counted since the last period. */
    synchronized List<ChannelTable.ChannelRow> closePeriod() {
        harvest(true);
        epoch++;
        List<ChannelTable.ChannelRow> rows = new ArrayList<>();
        for (ChannelTable.ChannelRow[] pair : period.values()) {
            for (ChannelTable.ChannelRow row : pair) {
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        period.clear();
        return rows;
    }

    /** {@code forPeriod}: whether a recording wants the period's rows (else a harvest only adds to the totals). */
    synchronized void harvest(boolean forPeriod) {
        Map<String, ChannelTable.ChannelRow[]> byChannel = new HashMap<>();
        for (Iterator<ChannelTable> it = tables.iterator(); it.hasNext();) {
            ChannelTable table = it.next();
            // Seen retired or dead before the harvest: its last counts are visible and none can follow.
            boolean done = table.retired || !table.ownerAlive();
            table.harvest(byChannel, epoch);
            if (done) {
                it.remove();
            }
        }
        byChannel.forEach((channel, pair) -> {
            for (ChannelTable.ChannelRow row : pair) {
                if (row != null) {
                    metrics.add(channel, row.write ? ChannelStatisticsEvent.WRITE : ChannelStatisticsEvent.READ,
                            row.operations, row.bytes, row.serialized, row.nanos);
                }
            }
            if (forPeriod) {
                ChannelTable.ChannelRow[] kept = period.putIfAbsent(channel, pair);
                if (kept != null) {
                    for (int dir = 0; dir < 2; dir++) {
                        if (kept[dir] == null) {
                            kept[dir] = pair[dir];
                        } else if (pair[dir] != null) {
                            kept[dir].merge(pair[dir]);
                        }
                    }
                }
            }
        });
    }
}
