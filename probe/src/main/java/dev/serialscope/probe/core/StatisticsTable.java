package dev.serialscope.probe.core;

import dev.serialscope.events.SerializationSizesEvent;
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
 * Calls, bytes, time, failures, the largest call and the size distribution per root class for one
 * direction and framework. Each thread counts into its own {@link ThreadCounts} (no lock, no atomic
 * instruction, no allocation but a root class's size buckets on the thread's first call of it); a
 * harvest adds up what every thread counted since the last one: into the period's rows while a
 * recording wants the statistics, and into running totals per root class name for metrics. Once per
 * period the emitting thread commits one event per root class, with its sizes: the {@value #TOP_CLASSES}
 * with the most bytes, then one "other" row for the rest, for calls without a root class, and for
 * classes past a thread's capacity. Counts of a thread that has ended are collected once more, then
 * dropped.
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
    private final Map<String, StatisticsRow> totals = new HashMap<>();

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
        StatisticsRow total = totals.get(className);
        return total == null ? 0 : total.get(counter);
    }

    /** The largest call of a root class name of {@link #totalNames} up to now. */
    public synchronized long largestCall(String className) {
        harvest();
        StatisticsRow total = totals.get(className);
        return total == null ? 0 : total.largest;
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
            totalRow(row.rootClass.getName()).add(row);
            if (forPeriod) {
                // Counts only: a class row stays one class however many harvests the period has.
                StatisticsRow kept = period.putIfAbsent(row.rootClass, row);
                if (kept != null) {
                    kept.add(row);
                }
            }
        }
        if (other.get(ThreadCounts.CALLS) > 0) {
            totalRow(null).add(other);
            if (forPeriod) {
                periodOther.merge(other);
            }
        }
    }

    private StatisticsRow totalRow(String className) {
        StatisticsRow total = totals.get(className);
        if (total != null) {
            return total;
        }
        String key = className != null && totals.size() >= TOTAL_CLASSES ? null : className;
        return totals.computeIfAbsent(key, ignored -> new StatisticsRow(null));
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
        event.serializedOutputs = asInt(row.get(ThreadCounts.SERIALIZED_OUTPUTS));
        event.serializedOutputBytes = row.get(ThreadCounts.SERIALIZED_OUTPUT_BYTES);
        event.largestCall = row.largest;
        event.commit();
        commitSizes(row);
    }

    /** One event per bucket that has calls, when a recording wants them. */
    private void commitSizes(StatisticsRow row) {
        for (int bucket = 0; bucket < SizeBuckets.BUCKETS; bucket++) {
            long calls = row.sizes[bucket * 2];
            if (calls > 0) {
                SerializationSizesEvent event = new SerializationSizesEvent();
                if (!event.isEnabled()) {
                    return;
                }
                event.direction = direction;
                event.framework = framework;
                event.rootClass = row.rootClass;
                event.minBytes = SizeBuckets.lowerBound(bucket);
                event.maxBytes = SizeBuckets.upperBound(bucket);
                event.calls = asInt(calls);
                event.bytes = row.sizes[bucket * 2 + 1];
                event.commit();
            }
        }
    }

    private static int asInt(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }
}
