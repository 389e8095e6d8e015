package dev.serialscope.rules.analysis;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.result.Culprit;

/**
 * The field paths of one root class, summed over its traced calls: where the bytes of its payloads
 * go, and the heaviest path (followed down while one field holds most of its parent).
 */
public final class FieldPaths {

    /** A child holding at least this share of its parent's bytes is named instead of the parent. */
    private static final double DESCEND_SHARE = 0.5;

    /** One path summed over the traced calls. */
    public static final class Total {
        private final String path;
        private final int level;
        private boolean heavyPath;
        private String valueClass;
        private long largest;
        private long bytes;

        private Total(String path, int level) {
            this.path = path;
            this.level = level;
        }

        public String path() {
            return path;
        }

        public int level() {
            return level;
        }

        /** The class of the largest object found on the path. */
        public String valueClass() {
            return valueClass;
        }

        /** The bytes of the path summed over all traced calls. */
        public long bytes() {
            return bytes;
        }
    }

    /** The heaviest path of a root class. */
    public record Heaviest(String rootClass, String path, String valueClass, long bytesPerCall, double share,
            long totalBytes, int tracedCalls) {

        /** {@code com.example.Task.config.settings}. */
        public String qualifiedPath() {
            return Composition.qualify(Composition.stableName(rootClass), path);
        }

        /** {@code Task.config.settings}. */
        public String shortPath() {
            return Composition.qualify(Composition.shortName(rootClass), path);
        }

        public Culprit toCulprit() {
            return new Culprit(Culprit.Kind.FIELD, qualifiedPath(), totalBytes, tracedCalls);
        }
    }

    private final String rootClass;
    private final Map<String, Total> totals = new LinkedHashMap<>();
    private final int tracedCalls;
    private final long tracedBytes;

    private FieldPaths(String rootClass, List<Composition> paths, CallTable calls) {
        this.rootClass = rootClass;
        Set<Long> callIds = new HashSet<>();
        for (Composition composition : paths) {
            if (!composition.rootClass().equals(rootClass)) {
                continue;
            }
            callIds.add(composition.callId());
            Total total = totals.computeIfAbsent(composition.path(), path -> new Total(path, composition.level()));
            total.bytes += composition.bytes();
            total.heavyPath |= composition.heavyPath();
            if (composition.bytes() >= total.largest) {
                total.largest = composition.bytes();
                total.valueClass = composition.valueClass();
            }
        }
        tracedCalls = callIds.size();
        long bytes = 0;
        int matched = 0;
        for (int row = 0; row < calls.size(); row++) {
            if (calls.callId(row) != 0 && calls.rootClass(row).equals(rootClass)
                    && callIds.contains(calls.callId(row))) {
                bytes += calls.countedBytes(row);
                matched++;
            }
        }
        // Without the calls (or with calls of other recordings) the level-1 paths are the best guess.
        tracedBytes = matched == tracedCalls ? bytes
                : totals.values().stream().filter(total -> total.level == 1).mapToLong(Total::bytes).sum();
    }

    /** The paths of one root class, over the traced calls among {@code calls}. */
    public static FieldPaths of(String rootClass, List<Composition> paths, CallTable calls) {
        return new FieldPaths(rootClass, paths, calls);
    }

    public int tracedCalls() {
        return tracedCalls;
    }

    /** The heaviest path below the root, if the class was traced. */
    public Optional<Heaviest> heaviest() {
        return heaviestBelow(null);
    }

    /**
     * The heaviest path below {@code start} (null for the root): its heaviest child, followed down
     * through named fields and single array elements while one child holds most of its parent, and through
     * any step the agent found on a call's heaviest path (the one element of a collection that holds most of it).
     */
    public Optional<Heaviest> heaviestBelow(String start) {
        Total current = start == null ? null : totals.get(start);
        if (start != null && current == null) {
            return Optional.empty();
        }
        Total best = heaviestChild(current);
        if (best == null) {
            return Optional.empty();
        }
        while (true) {
            Total child = heaviestChild(best);
            if (child == null || child.bytes < DESCEND_SHARE * best.bytes
                    || !Composition.namedStep(child.path) && !child.heavyPath) {
                break;
            }
            best = child;
        }
        return Optional.of(new Heaviest(rootClass, best.path, best.valueClass, best.bytes / tracedCalls,
                tracedBytes == 0 ? 0 : Math.min(1, (double) best.bytes / tracedBytes), best.bytes, tracedCalls));
    }

    /** The bytes per traced call on a path, 0 when it was not seen. */
    public long bytesPerCall(String path) {
        Total total = totals.get(path);
        return total == null || tracedCalls == 0 ? 0 : total.bytes / tracedCalls;
    }

    /** The average size of the traced calls. */
    public long callBytes() {
        return tracedCalls == 0 ? 0 : tracedBytes / tracedCalls;
    }

    public Map<String, Total> totals() {
        return totals;
    }

    private Total heaviestChild(Total parent) {
        return totals.values().stream()
                .filter(total -> parent == null ? total.level == 1
                        : total.level == parent.level + 1 && Composition.isAncestor(parent.path, total.path))
                .max(Comparator.comparingLong(Total::bytes)).orElse(null);
    }
}
