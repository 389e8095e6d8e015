package dev.serialscope.rules.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.result.Culprit;

/**
 * Sub-objects that recur in different roots: the same object (identity hash code, class and size) on
 * the same field path of several traced calls of one serializer, found in the Serialization Composition events
 * (the same object written by Kryo and by Jackson has different sizes, and is counted among each one's calls). Only
 * the outermost recurring object of a call counts (its fields are part of it), and calls that
 * already repeat their whole root are left to the root check.
 *
 * <p>When every call of a root class was traced (the diagnose profile) the waste is exact: every
 * occurrence after the first. When only some were (the production profile traces about one call per
 * second), the share of traced calls that carried the object is extrapolated to all the calls of the
 * root class.
 */
public final class RepeatedFields {

    /** What identifies one sub-object across calls: the same object written by one serializer inside one root class. */
    private record Key(String framework, String rootClass, String path, String valueClass, long identity, long bytes) {

        /** The calls this sub-object is counted among: its serializer's calls of its root class. */
        String kind() {
            return kind(framework, rootClass);
        }

        static String kind(String framework, String rootClass) {
            return framework + " " + rootClass;
        }
    }

    /** One recurring sub-object and what it cost. */
    public static final class Group {
        private final Key key;
        private final int occurrences;
        private final int tracedCalls;
        private final int allCalls;
        private long wastedBytes;
        private long repeats;
        /** Sampled groups: the bytes added to each call of the class but the first. */
        private long perCall;

        private Group(Key key, int occurrences, int tracedCalls, int allCalls) {
            this.key = key;
            this.occurrences = occurrences;
            this.tracedCalls = tracedCalls;
            this.allCalls = allCalls;
        }

        public String rootClass() {
            return key.rootClass();
        }

        public String path() {
            return key.path();
        }

        public String valueClass() {
            return key.valueClass();
        }

        /** The bytes of one copy. */
        public long bytes() {
            return key.bytes();
        }

        public long wastedBytes() {
            return wastedBytes;
        }

        /** Copies after the first (estimated when {@link #sampled()}). */
        public long repeats() {
            return repeats;
        }

        /** Whether only some calls of the root class were traced, so the waste is an estimate. */
        public boolean sampled() {
            return tracedCalls < allCalls;
        }

        /** {@code PipeTaskShipping$Task.config}. */
        public String shortPath() {
            return Composition.qualify(Composition.shortName(key.rootClass()), key.path());
        }

        public String shortValueClass() {
            return Composition.shortName(key.valueClass());
        }

        /** "all 20 calls", "12 of 20 calls", "all 3 traced calls (of 20)", "2 of 3 traced calls (of 20)". */
        public String sameIn() {
            if (!sampled()) {
                return occurrences == allCalls ? "all " + allCalls + " calls" : occurrences + " of " + allCalls
                        + " calls";
            }
            return (occurrences == tracedCalls ? "all " + tracedCalls : occurrences + " of " + tracedCalls)
                    + " traced calls (of " + allCalls + ")";
        }

        /** Whether the object is one a lambda captured (SerializedLambda.capturedArgs). */
        public boolean capturedByLambda() {
            return Composition.isLambda(key.rootClass()) && key.path().startsWith("capturedArgs");
        }

        public Culprit toCulprit() {
            return new Culprit(Culprit.Kind.FIELD,
                    Composition.qualify(Composition.stableName(key.rootClass()), key.path()), wastedBytes, repeats);
        }
    }

    private final List<Group> groups;
    /** Per row of the writes: the bytes it wasted by carrying a recurring sub-object again. */
    private final long[] waste;
    /** The rows that carried one again (their waste may be 0: a call that could not be measured). */
    private final BitSet wasteful;

    private RepeatedFields(List<Group> groups, long[] waste, BitSet wasteful) {
        this.groups = groups;
        this.waste = waste;
        this.wasteful = wasteful;
    }

    /** The recurring sub-objects, the most wasted bytes first. */
    public List<Group> groups() {
        return groups;
    }

    /** Whether the call of this row of the writes carried a recurring sub-object again. */
    public boolean wasteful(int row) {
        return wasteful.get(row);
    }

    /** The bytes the call of this row of the writes wasted that way. */
    public long waste(int row) {
        return waste[row];
    }

    /** The number of calls that carried a recurring sub-object again. */
    public int wastefulCalls() {
        return wasteful.cardinality();
    }

    public long wastedBytes() {
        return wasteful.stream().mapToLong(row -> waste[row]).sum();
    }

    /**
     * @param paths the composition events
     * @param writes the serialization calls, oldest first
     * @param rootRepeats rows of calls whose whole root repeated an earlier one (their sub-objects are not counted
     *            again)
     * @param minSize sub-objects smaller than this are ignored
     */
    public static RepeatedFields find(List<Composition> paths, CallTable writes, BitSet rootRepeats, long minSize) {
        Map<String, int[]> callsOfKind = callsOfKind(writes, rootRepeats);
        int[] rowOfPath = tracedRows(paths, writes, rootRepeats);
        // The paths of each traced call, in call order.
        Map<Integer, List<Composition>> traced = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            if (rowOfPath[i] >= 0) {
                traced.computeIfAbsent(rowOfPath[i], key -> new ArrayList<>()).add(paths.get(i));
            }
        }
        Map<String, Integer> tracedOfKind = new HashMap<>();
        traced.keySet().forEach(row -> tracedOfKind.merge(Key.kind(writes.framework(row), writes.rootClass(row)), 1,
                Integer::sum));

        // Sub-objects seen in at least two calls.
        Map<Integer, Collection<Key>> keysOfCall = new HashMap<>();
        Map<Key, Integer> callsWithKey = new HashMap<>();
        traced.forEach((row, callPaths) -> {
            Collection<Key> keys = keys(callPaths, writes.framework(row), minSize).keySet();
            keysOfCall.put(row, keys);
            keys.forEach(key -> callsWithKey.merge(key, 1, Integer::sum));
        });
        // Per call, the outermost recurring ones.
        Map<Key, List<Integer>> occurrences = new LinkedHashMap<>();
        List<Integer> tracedCalls = new ArrayList<>(traced.keySet());
        tracedCalls.sort(Comparator.comparingLong(writes::startNanos));
        for (int row : tracedCalls) {
            List<Key> recurring = keysOfCall.get(row).stream().filter(key -> callsWithKey.get(key) > 1).toList();
            for (Key key : recurring) {
                boolean inside = recurring.stream().anyMatch(other -> Composition.isAncestor(other.path(), key.path()));
                if (!inside) {
                    occurrences.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
            }
        }

        List<Group> groups = new ArrayList<>();
        long[] waste = new long[writes.size()];
        BitSet wasteful = new BitSet(writes.size());
        // Sampled groups add the same bytes to every call of their class but the first: spread once per class
        // below, not once per group and call (which took minutes with many groups on millions of calls).
        Map<String, List<Group>> sampledOfKind = new LinkedHashMap<>();
        occurrences.forEach((key, rows) -> {
            if (rows.size() < 2) {
                return;
            }
            int[] kindCalls = callsOfKind.get(key.kind());
            int allCalls = kindCalls == null ? 0 : kindCalls.length;
            int tracedCount = tracedOfKind.getOrDefault(key.kind(), 0);
            Group group = new Group(key, rows.size(), tracedCount, Math.max(allCalls, tracedCount));
            if (!group.sampled()) {
                for (int row : rows.subList(1, rows.size())) {
                    group.wastedBytes += add(writes, waste, wasteful, row, key.bytes());
                    group.repeats++;
                }
            } else {
                // Every call but the first carried the object as often as the traced calls did.
                double frequency = (double) rows.size() / tracedCount;
                group.perCall = Math.round(frequency * key.bytes());
                group.repeats = Math.round(frequency * (allCalls - 1));
                sampledOfKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(group);
            }
            groups.add(group);
        });
        sampledOfKind.forEach((kind, kindGroups) -> spread(writes, callsOfKind.get(kind), kindGroups, waste, wasteful));
        groups.sort(Comparator.comparingLong(Group::wastedBytes).reversed().thenComparing(Group::shortPath));
        return new RepeatedFields(groups, waste, wasteful);
    }

    /**
     * The row of the traced call of each path, -1 for none: the last of the counted calls with the path's call id
     * (a call id is unique; only the few traced ones are looked up, by binary search in their sorted ids).
     */
    private static int[] tracedRows(List<Composition> paths, CallTable writes, BitSet rootRepeats) {
        long[] ids = paths.stream().mapToLong(Composition::callId).sorted().distinct().toArray();
        int[] rowOfId = new int[ids.length];
        Arrays.fill(rowOfId, -1);
        for (int row = 0; row < writes.size(); row++) {
            long callId = writes.callId(row);
            if (callId != 0 && !rootRepeats.get(row)) {
                int found = Arrays.binarySearch(ids, callId);
                if (found >= 0) {
                    rowOfId[found] = row;
                }
            }
        }
        int[] rowOfPath = new int[paths.size()];
        for (int i = 0; i < rowOfPath.length; i++) {
            rowOfPath[i] = rowOfId[Arrays.binarySearch(ids, paths.get(i).callId())];
        }
        return rowOfPath;
    }

    /** The rows of the counted calls of each serializer and root class ({@link Key#kind}), in time order. */
    private static Map<String, int[]> callsOfKind(CallTable writes, BitSet rootRepeats) {
        int[][] callsOfClass = writes.rowsByClass(row -> !rootRepeats.get(row));
        Map<String, int[]> callsOfKind = new HashMap<>();
        for (int index = 0; index < callsOfClass.length; index++) {
            Map<String, List<Integer>> byFramework = new LinkedHashMap<>();
            for (int row : callsOfClass[index]) {
                byFramework.computeIfAbsent(writes.framework(row), f -> new ArrayList<>()).add(row);
            }
            String className = writes.className(index);
            byFramework.forEach((framework, rows) -> callsOfKind.put(Key.kind(framework, className),
                    rows.stream().mapToInt(Integer::intValue).toArray()));
        }
        return callsOfKind;
    }

    /** The single objects of at least minSize on the paths of one call. */
    private static Map<Key, Composition> keys(List<Composition> callPaths, String framework, long minSize) {
        Map<Key, Composition> keys = new LinkedHashMap<>();
        for (Composition path : callPaths) {
            if (path.singleObject() && path.bytes() >= minSize) {
                keys.put(new Key(framework, path.rootClass(), path.path(), path.valueClass(), path.identity(),
                        path.bytes()), path);
            }
        }
        return keys;
    }

    /**
     * The sampled groups of one serializer's root class, in order, each adding {@code perCall} bytes to every call of it
     * but the first, capped at each call's own bytes: the same result as adding group after group call by call
     * ({@link #add}), with the calls sorted by size and prefix sums. After groups 1..g a call of b bytes carries
     * min(b, S_g), S_g the sum of their perCall; group g adds sum(min(b, S_g)) - sum(min(b, S_g-1)).
     */
    private static void spread(CallTable writes, int[] classRows, List<Group> classGroups, long[] waste,
            BitSet wasteful) {
        long[] sizes = new long[Math.max(0, classRows.length - 1)];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = writes.countedBytes(classRows[i + 1]);
        }
        Arrays.sort(sizes);
        long[] prefix = new long[sizes.length + 1];
        for (int i = 0; i < sizes.length; i++) {
            prefix[i + 1] = prefix[i] + sizes[i];
        }
        long carried = 0;
        long before = 0;
        for (Group group : classGroups) {
            carried += group.perCall;
            long after = cappedSum(sizes, prefix, carried);
            group.wastedBytes += after - before;
            before = after;
        }
        for (int i = 1; i < classRows.length; i++) {
            waste[classRows[i]] = Math.min(writes.countedBytes(classRows[i]), carried);
            wasteful.set(classRows[i]);
        }
    }

    /** sum(min(size, cap)) over the sorted sizes. */
    private static long cappedSum(long[] sorted, long[] prefix, long cap) {
        int below = Arrays.binarySearch(sorted, cap);
        if (below < 0) {
            below = -below - 1;
        } else {
            while (below > 0 && sorted[below - 1] == cap) {
                below--;
            }
        }
        // sorted[0..below) < cap: their own sizes; the rest: cap each.
        return prefix[below] + cap * (sorted.length - below);
    }

    /** Adds waste to a call, never more than the call's own bytes; returns what was added. */
    private static long add(CallTable writes, long[] waste, BitSet wasteful, int row, long bytes) {
        long before = waste[row];
        long after = Math.min(writes.countedBytes(row), before + bytes);
        waste[row] = after;
        wasteful.set(row);
        return after - before;
    }
}
