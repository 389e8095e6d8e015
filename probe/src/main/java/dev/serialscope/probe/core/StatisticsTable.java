package dev.serialscope.probe.core;

import dev.serialscope.events.SerializationStatisticsEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls, bytes, time and failures per root class for one direction and framework. Each thread
 * counts into its own {@link ThreadCounts} (no lock, no atomic instruction, no allocation after its
 * first call); a harvest adds up what every thread counted since the last one: into the period's
 * rows while a recording wants the statistics, and into running totals per root class name for
 * metrics. Once per period the emitting thread commits one event per root class: the
 * {@value #TOP_CLASSES} with the most bytes, then one "other" row for the rest, for calls without a
 * root class, and for classes past a thread's capacity. Counts of a thread that has ended are
 * collected once more, then dropped.
 */
public final class StatisticsTable implements PeriodicCounts {

    static final int TOP_CLASSES = 20;
    /** Root class names the running totals keep apart; later classes are added to the "other" total. */
    static final int TOTAL_CLASSES = 500;

    private final String direction;
    private final String framework;
    private final BooleanSupplier statistics;
    private final Set<ThreadCounts> threads = ConcurrentHashMap.newKeySet();
    private final Map<Class<?>, StatisticsRow> period = new HashMap<>();
    private final StatisticsRow periodOther = new StatisticsRow(null);
    /** Since the agent started counting for metrics, by class name; the key null sums the others. */
    private final Map<String, long[]> totals = new HashMap<>();

    /** {@code statistics}: whether a recording wants the period's rows (else a harvest only adds to the totals). */
    StatisticsTable(String direction, String framework, BooleanSupplier statistics) {
        this.direction = direction;
        this.framework = framework;
        this.statistics = statistics;
    }

    public String direction() {
        return direction;
    }

    public String framework() {
        return framework;
    }

    /** New counts for the calling thread, which keeps them in its own state (no lookup per call). */
    public ThreadCounts register() {
        ThreadCounts counts = new ThreadCounts(Thread.currentThread());
        threads.add(counts);
        return counts;
    }

    /** A new recording's first period starts now: what was counted before goes to the totals only. */
    @Override
    public synchronized void forget() {
        harvest();
        period.clear();
        periodOther.clear();
    }

    /** Commits the rows of the calls counted since the last period. */
    synchronized void emit() {
        harvest();
        List<StatisticsRow> rows = new ArrayList<>(period.values());
        rows.sort(Comparator.comparingLong((StatisticsRow r) -> r.get(ThreadCounts.BYTES))
                .thenComparingLong(r -> r.get(ThreadCounts.CALLS)).reversed());
        StatisticsRow other = new StatisticsRow(null);
        other.merge(periodOther);
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
        period.clear();
        periodOther.clear();
    }

    /** The root class names of the running totals ({@code null}: the other classes), for metrics. */
    public synchronized Set<String> totalNames() {
        harvest();
        return new HashSet<>(totals.keySet());
    }

    /** The running total of one {@link ThreadCounts} counter for a root class name of {@link #totalNames}, up to now. */
    public synchronized long total(String className, int counter) {
        harvest();
        long[] counters = totals.get(className);
        return counters == null ? 0 : counters[counter];
    }

    private void harvest() {
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
        boolean forPeriod = statistics.getAsBoolean();
        for (StatisticsRow row : byClass.values()) {
            row.addTo(totalRow(row.rootClass.getName()));
            if (forPeriod) {
                // Counters only: a class row stays one class however many harvests the period has.
                StatisticsRow kept = period.putIfAbsent(row.rootClass, row);
                if (kept != null) {
                    row.addTo(kept.counters);
                }
            }
        }
        if (other.get(ThreadCounts.CALLS) > 0) {
            other.addTo(totalRow(null));
            if (forPeriod) {
                periodOther.merge(other);
            }
        }
    }

    private long[] totalRow(String className) {
        long[] counters = totals.get(className);
        if (counters != null) {
            return counters;
        }
        String key = className != null && totals.size() >= TOTAL_CLASSES ? null : className;
        return totals.computeIfAbsent(key, ignored -> new long[ThreadCounts.COUNTERS]);
    }

    private void commit(StatisticsRow row) {
        SerializationStatisticsEvent event = new SerializationStatisticsEvent();
        event.direction = direction;
        event.framework = framework;
        event.rootClass = row.rootClass;
        event.rootClassName = StableClassNames.of(row.rootClass);
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
