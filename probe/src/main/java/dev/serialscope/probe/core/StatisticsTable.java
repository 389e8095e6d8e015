package dev.serialscope.probe.core;

import dev.serialscope.events.SerializationStatisticsEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls, bytes, time and failures per root class for one direction and framework. Each thread
 * counts into its own {@link ThreadCounts} (no lock, no atomic instruction, no allocation after its
 * first call); once per period the emitting thread adds up what every thread counted since the
 * last period and commits one event per root class: the {@value #TOP_CLASSES} with the most bytes,
 * then one "other" row for the rest, for calls without a root class, and for classes past a
 * thread's capacity. Counts of a thread that has ended are collected once more, then dropped.
 */
public final class StatisticsTable implements PeriodicCounts {

    static final int TOP_CLASSES = 20;

    private final String direction;
    private final String framework;
    private final Set<ThreadCounts> threads = ConcurrentHashMap.newKeySet();

    StatisticsTable(String direction, String framework) {
        this.direction = direction;
        this.framework = framework;
    }

    /** New counts for the calling thread, which keeps them in its own state (no lookup per call). */
    public ThreadCounts register() {
        ThreadCounts counts = new ThreadCounts(Thread.currentThread());
        threads.add(counts);
        return counts;
    }

    @Override
    public synchronized void forget() {
        for (ThreadCounts counts : threads) {
            counts.forget();
        }
    }

    /** Commits the rows of the calls counted since the last call. */
    synchronized void emit() {
        Map<Class<?>, StatisticsRow> byClass = new HashMap<>();
        StatisticsRow other = new StatisticsRow(null);
        for (Iterator<ThreadCounts> it = threads.iterator(); it.hasNext();) {
            ThreadCounts counts = it.next();
            // Seen dead before the harvest: its last counts are visible and none can follow.
            boolean ended = !counts.ownerAlive();
            counts.harvest(byClass, other);
            if (ended) {
                it.remove();
            }
        }
        List<StatisticsRow> rows = new ArrayList<>(byClass.values());
        rows.sort(Comparator.comparingLong((StatisticsRow r) -> r.get(ThreadCounts.BYTES))
                .thenComparingLong(r -> r.get(ThreadCounts.CALLS)).reversed());
        for (int i = 0; i < rows.size(); i++) {
            if (i < TOP_CLASSES) {
                commit(rows.get(i));
            } else {
                other.merge(rows.get(i));
            }
        }
        if (other.get(ThreadCounts.CALLS) > 0) {
            commit(other);
        }
    }

    private void commit(StatisticsRow row) {
        SerializationStatisticsEvent event = new SerializationStatisticsEvent();
        event.direction = direction;
        event.framework = framework;
        event.rootClass = row.rootClass;
        event.classes = row.classes;
        event.calls = asInt(row.get(ThreadCounts.CALLS));
        event.bytes = row.get(ThreadCounts.BYTES);
        event.totalTime = row.get(ThreadCounts.NANOS);
        event.timedCalls = asInt(row.get(ThreadCounts.TIMED));
        event.failures = asInt(row.get(ThreadCounts.FAILURES));
        event.newStreams = asInt(row.get(ThreadCounts.NEW_STREAMS));
        event.descriptorBytes = row.get(ThreadCounts.DESCRIPTOR_BYTES);
        event.unfilteredCalls = asInt(row.get(ThreadCounts.UNFILTERED));
        event.repeatedRoots = asInt(row.get(ThreadCounts.REPEATED_ROOTS));
        event.repeatedBytes = row.get(ThreadCounts.REPEATED_BYTES);
        event.commit();
    }

    private static int asInt(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }
}
