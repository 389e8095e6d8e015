package dev.serialscope.probe.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a composition tracer keeps while it traces one call: a node per nesting level (what is being written
 * there), made once and reused, and the totals of the paths the nodes add their bytes to.
 */
public final class TraceNodes<N> {

    /** Paths below maxDepth that are added up, so that a wide graph cannot grow the table without end. */
    private static final int MAX_DEEP_PATHS = 4096;

    private final Object[] nodes;
    private final Supplier<N> factory;
    private final Consumer<N> clear;
    private final Map<String, PathTotal> totals = new HashMap<>();

    public TraceNodes(int maxNesting, Supplier<N> factory, Consumer<N> clear) {
        this.nodes = new Object[maxNesting];
        this.factory = factory;
        this.clear = clear;
    }

    /** The node of {@code level}, cleared for what is written there now. */
    public N open(int level) {
        N node = at(level);
        if (node == null) {
            node = factory.get();
            nodes[level] = node;
        }
        clear.accept(node);
        return node;
    }

    @SuppressWarnings("unchecked")
    public N at(int level) {
        return (N) nodes[level];
    }

    /** The total of {@code path}, made on its first object. */
    public PathTotal total(String path, int level, Class<?> declaring, String field) {
        return total(path, level, declaring, field, null, Integer.MAX_VALUE);
    }

    /**
     * The total of {@code path} below {@code parent}, made on its first object; a path below maxDepth
     * ({@code deep}) only while fewer than {@value #MAX_DEEP_PATHS} are kept, else null.
     */
    public PathTotal total(String path, int level, Class<?> declaring, String field, PathTotal parent, boolean deep) {
        return total(path, level, declaring, field, parent, deep ? MAX_DEEP_PATHS : Integer.MAX_VALUE);
    }

    private PathTotal total(String path, int level, Class<?> declaring, String field, PathTotal parent, int cap) {
        PathTotal total = totals.get(path);
        if (total == null) {
            if (totals.size() >= cap) {
                return null;
            }
            total = new PathTotal(path, level, declaring, field, parent);
            totals.put(path, total);
        }
        return total;
    }

    public List<PathTotal> heaviest() {
        return CompositionPaths.heaviest(totals.values());
    }

    /** The heaviest paths up to {@code maxDepth}, then the rest of the heaviest path; see {@link CompositionPaths#withHeavyPath}. */
    public List<PathTotal> heaviestWithHeavyPath(int maxDepth) {
        return CompositionPaths.withHeavyPath(totals.values(), maxDepth);
    }

    /** Forgets the traced call: its totals, and the nodes below {@code depth}. */
    public void reset(int depth) {
        totals.clear();
        for (int i = 0; i < depth && i < nodes.length; i++) {
            N node = at(i);
            if (node != null) {
                clear.accept(node);
            }
        }
    }
}
