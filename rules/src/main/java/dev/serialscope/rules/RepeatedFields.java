package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sub-objects that recur in different roots: the same object (identity hash code, class and size) on
 * the same field path of several traced calls, found in the Serialization Composition events. Only
 * the outermost recurring object of a call counts (its fields are part of it), and calls that
 * already repeat their whole root are left to the root check.
 *
 * <p>When every call of a root class was traced (the diagnose profile) the waste is exact: every
 * occurrence after the first. When only some were (the production profile traces about one call per
 * second), the share of traced calls that carried the object is extrapolated to all the calls of the
 * root class.
 */
public final class RepeatedFields {

    /** What identifies one sub-object across calls. */
    private record Key(String rootClass, String path, String valueClass, long identity, long bytes) {
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
    private final Map<Call, Long> wasteByCall;

    private RepeatedFields(List<Group> groups, Map<Call, Long> wasteByCall) {
        this.groups = groups;
        this.wasteByCall = wasteByCall;
    }

    /** The recurring sub-objects, the most wasted bytes first. */
    public List<Group> groups() {
        return groups;
    }

    /** The wasted bytes of each call that carried a recurring sub-object again. */
    public Map<Call, Long> wasteByCall() {
        return wasteByCall;
    }

    public long wastedBytes() {
        return wasteByCall.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param paths the composition events
     * @param writes the serialization calls, oldest first
     * @param rootRepeats calls whose whole root repeated an earlier one (their sub-objects are not counted again)
     * @param minSize sub-objects smaller than this are ignored
     */
    public static RepeatedFields find(List<Composition> paths, List<Call> writes, List<Call> rootRepeats,
            long minSize) {
        Set<Call> excluded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        excluded.addAll(rootRepeats);
        Map<Long, Call> byId = new HashMap<>();
        Map<String, List<Call>> callsOfClass = new HashMap<>();
        for (Call call : writes) {
            if (!excluded.contains(call)) {
                callsOfClass.computeIfAbsent(call.rootClass(), key -> new ArrayList<>()).add(call);
                if (call.callId() != 0) {
                    byId.put(call.callId(), call);
                }
            }
        }
        // The paths of each traced call, in call order.
        Map<Call, List<Composition>> traced = new LinkedHashMap<>();
        for (Composition path : paths) {
            Call call = byId.get(path.callId());
            if (call != null) {
                traced.computeIfAbsent(call, key -> new ArrayList<>()).add(path);
            }
        }
        Map<String, Integer> tracedOfClass = new HashMap<>();
        traced.keySet().forEach(call -> tracedOfClass.merge(call.rootClass(), 1, Integer::sum));

        // Sub-objects seen in at least two calls.
        Map<Key, Integer> callsWithKey = new HashMap<>();
        traced.values().forEach(callPaths -> keys(callPaths, minSize).keySet()
                .forEach(key -> callsWithKey.merge(key, 1, Integer::sum)));
        // Per call, the outermost recurring ones.
        Map<Key, List<Call>> occurrences = new LinkedHashMap<>();
        List<Call> tracedCalls = new ArrayList<>(traced.keySet());
        tracedCalls.sort(Comparator.comparingLong(Call::startNanos));
        for (Call call : tracedCalls) {
            List<Key> recurring = keys(traced.get(call), minSize).keySet().stream()
                    .filter(key -> callsWithKey.get(key) > 1).toList();
            for (Key key : recurring) {
                boolean inside = recurring.stream().anyMatch(other -> Composition.isAncestor(other.path(), key.path()));
                if (!inside) {
                    occurrences.computeIfAbsent(key, k -> new ArrayList<>()).add(call);
                }
            }
        }

        List<Group> groups = new ArrayList<>();
        // Sized for every write up front: sampled groups give waste to every call of their class, and growing an
        // identity map of millions of calls step by step cost as much as filling it.
        Map<Call, Long> waste = new IdentityHashMap<>(sampledCalls(occurrences, callsOfClass, tracedOfClass));
        // Sampled groups add the same bytes to every call of their class but the first: spread once per class
        // below, not once per group and call (which took minutes with many groups on millions of calls).
        Map<String, List<Group>> sampledOfClass = new LinkedHashMap<>();
        occurrences.forEach((key, calls) -> {
            if (calls.size() < 2) {
                return;
            }
            List<Call> all = callsOfClass.getOrDefault(key.rootClass(), List.of());
            int tracedCount = tracedOfClass.getOrDefault(key.rootClass(), 0);
            Group group = new Group(key, calls.size(), tracedCount, Math.max(all.size(), tracedCount));
            if (!group.sampled()) {
                for (Call call : calls.subList(1, calls.size())) {
                    group.wastedBytes += add(waste, call, key.bytes());
                    group.repeats++;
                }
            } else {
                // Every call but the first carried the object as often as the traced calls did.
                double frequency = (double) calls.size() / tracedCount;
                group.perCall = Math.round(frequency * key.bytes());
                group.repeats = Math.round(frequency * (all.size() - 1));
                sampledOfClass.computeIfAbsent(key.rootClass(), k -> new ArrayList<>()).add(group);
            }
            groups.add(group);
        });
        sampledOfClass.forEach((rootClass, classGroups) -> spread(callsOfClass.get(rootClass), classGroups, waste));
        groups.sort(Comparator.comparingLong(Group::wastedBytes).reversed().thenComparing(Group::shortPath));
        return new RepeatedFields(groups, waste);
    }

    /** The single objects of at least minSize on the paths of one call. */
    private static Map<Key, Composition> keys(List<Composition> callPaths, long minSize) {
        Map<Key, Composition> keys = new LinkedHashMap<>();
        for (Composition path : callPaths) {
            if (path.singleObject() && path.bytes() >= minSize) {
                keys.put(new Key(path.rootClass(), path.path(), path.valueClass(), path.identity(), path.bytes()),
                        path);
            }
        }
        return keys;
    }

    /** How many calls sampled groups will give waste to: the calls of the classes that were not all traced. */
    private static int sampledCalls(Map<Key, List<Call>> occurrences, Map<String, List<Call>> callsOfClass,
            Map<String, Integer> tracedOfClass) {
        Set<String> classes = new java.util.HashSet<>();
        occurrences.forEach((key, calls) -> {
            if (calls.size() >= 2) {
                classes.add(key.rootClass());
            }
        });
        int count = 0;
        for (String rootClass : classes) {
            int all = callsOfClass.getOrDefault(rootClass, List.of()).size();
            count += all > tracedOfClass.getOrDefault(rootClass, 0) ? all : 0;
        }
        return count + occurrences.size();
    }

    /**
     * The sampled groups of one root class, in order, each adding {@code perCall} bytes to every call of the class
     * but the first, capped at each call's own bytes: the same result as adding group after group call by call
     * ({@link #add}), with the calls sorted by size and prefix sums. After groups 1..g a call of b bytes carries
     * min(b, S_g), S_g the sum of their perCall; group g adds sum(min(b, S_g)) - sum(min(b, S_g-1)).
     */
    private static void spread(List<Call> all, List<Group> classGroups, Map<Call, Long> waste) {
        List<Call> calls = all.subList(1, all.size());
        long[] sizes = new long[calls.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = calls.get(i).countedBytes();
        }
        java.util.Arrays.sort(sizes);
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
        for (Call call : calls) {
            waste.put(call, Math.min(call.countedBytes(), carried));
        }
    }

    /** sum(min(size, cap)) over the sorted sizes. */
    private static long cappedSum(long[] sorted, long[] prefix, long cap) {
        int below = java.util.Arrays.binarySearch(sorted, cap);
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
    private static long add(Map<Call, Long> waste, Call call, long bytes) {
        long before = waste.getOrDefault(call, 0L);
        long after = Math.min(call.countedBytes(), before + bytes);
        waste.put(call, after);
        return after - before;
    }
}
