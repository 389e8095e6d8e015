package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Calls, bytes and time summed per key (a root class, a call site, a channel). */
public final class Tally {

    private final String key;
    private long calls;
    private long bytes;
    private long nanos;

    private Tally(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public long calls() {
        return calls;
    }

    public long bytes() {
        return bytes;
    }

    public long nanos() {
        return nanos;
    }

    /** Tallies the calls by key, largest weight first (ties by key, so that results are stable). */
    public static List<Tally> of(List<Call> calls, Function<Call, String> key, ToLongFunction<Tally> weight) {
        return of(calls, key, Call::countedBytes, weight);
    }

    /** Like {@link #of(List, Function, ToLongFunction)}, with the bytes of a call chosen by the caller. */
    public static List<Tally> of(List<Call> calls, Function<Call, String> key, ToLongFunction<Call> bytesOf,
            ToLongFunction<Tally> weight) {
        Map<String, Tally> byKey = new LinkedHashMap<>();
        for (Call call : calls) {
            Tally tally = byKey.computeIfAbsent(key.apply(call), Tally::new);
            tally.calls++;
            tally.bytes += bytesOf.applyAsLong(call);
            tally.nanos += call.durationNanos();
        }
        return sorted(byKey, weight);
    }

    /** Tallies statistics rows by root class, largest weight first. */
    public static List<Tally> ofRows(List<StatisticsRow> rows, ToLongFunction<Tally> weight) {
        return ofRows(rows, StatisticsRow::bytes, weight);
    }

    /** Like {@link #ofRows(List, ToLongFunction)}, with the bytes of a row chosen by the caller. */
    public static List<Tally> ofRows(List<StatisticsRow> rows, ToLongFunction<StatisticsRow> bytesOf,
            ToLongFunction<Tally> weight) {
        return ofRows(rows, StatisticsRow::calls, bytesOf, weight);
    }

    /** Like {@link #ofRows(List, ToLongFunction)}, with the calls and bytes of a row chosen by the caller. */
    public static List<Tally> ofRows(List<StatisticsRow> rows, ToLongFunction<StatisticsRow> callsOf,
            ToLongFunction<StatisticsRow> bytesOf, ToLongFunction<Tally> weight) {
        Map<String, Tally> byKey = new LinkedHashMap<>();
        for (StatisticsRow row : rows) {
            Tally tally = byKey.computeIfAbsent(row.rootClass(), Tally::new);
            tally.calls += callsOf.applyAsLong(row);
            tally.bytes += bytesOf.applyAsLong(row);
            tally.nanos += row.totalTimeNanos();
        }
        return sorted(byKey, weight);
    }

    /**
     * Tallies already summed per key index (calls, bytes and time of {@code names[i]} at i), largest weight first;
     * keys without calls are left out.
     */
    static List<Tally> of(String[] names, long[] calls, long[] bytes, long[] nanos, ToLongFunction<Tally> weight) {
        Map<String, Tally> byKey = new LinkedHashMap<>();
        for (int index = 0; index < names.length; index++) {
            if (calls[index] > 0) {
                Tally tally = new Tally(names[index]);
                tally.calls = calls[index];
                tally.bytes = bytes[index];
                tally.nanos = nanos[index];
                byKey.put(names[index], tally);
            }
        }
        return sorted(byKey, weight);
    }

    /** The tallies of both lists, summed per key, largest weight first. */
    public static List<Tally> combine(List<Tally> some, List<Tally> others, ToLongFunction<Tally> weight) {
        Map<String, Tally> byKey = new LinkedHashMap<>();
        for (List<Tally> tallies : List.of(some, others)) {
            for (Tally tally : tallies) {
                Tally sum = byKey.computeIfAbsent(tally.key, Tally::new);
                sum.calls += tally.calls;
                sum.bytes += tally.bytes;
                sum.nanos += tally.nanos;
            }
        }
        return sorted(byKey, weight);
    }

    private static List<Tally> sorted(Map<String, Tally> byKey, ToLongFunction<Tally> weight) {
        List<Tally> tallies = new ArrayList<>(byKey.values());
        tallies.sort(Comparator.comparingLong(weight).reversed().thenComparing(Tally::key));
        return tallies;
    }
}
