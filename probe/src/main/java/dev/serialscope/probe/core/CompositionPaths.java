package dev.serialscope.probe.core;

import dev.serialscope.events.SerializationCompositionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** How every serializer's composition tracing names paths and writes them: one event per path, the heaviest first. */
public final class CompositionPaths {

    /** The path step of what a serializer wrote without a field: a custom writeObject, a collection's or map's elements. */
    public static final String CONTENTS = "<contents>";
    /** Arrays up to this length are labelled by index; longer ones by index range. */
    private static final int EXACT_INDEX_LENGTH = 8;
    /** A child whose largest object holds at least this share of its parent's is on the heaviest path. */
    private static final double HEAVY_SHARE = 0.5;

    private CompositionPaths() {
    }

    /** {@code [3]} for short arrays, {@code [10-99]} for long ones. */
    public static String indexLabel(int index, int length) {
        if (length <= EXACT_INDEX_LENGTH) {
            return "[" + index + "]";
        }
        int low = 0;
        int high = 9;
        while (index > high) {
            low = high + 1;
            high = high * 10 + 9;
        }
        return "[" + low + "-" + high + "]";
    }

    public static String join(String parentPath, String field) {
        return parentPath.isEmpty() ? field : parentPath + "." + field;
    }

    /** The heaviest paths, heaviest first, at most as many as one call writes. */
    public static List<PathTotal> heaviest(Collection<PathTotal> paths) {
        List<PathTotal> heaviest = new ArrayList<>(paths);
        heaviest.sort(Comparator.comparingLong((PathTotal p) -> p.bytes).reversed());
        return heaviest.size() > SerializationCompositionEvent.MAX_PATHS
                ? heaviest.subList(0, SerializationCompositionEvent.MAX_PATHS) : heaviest;
    }

    /**
     * The heaviest paths up to {@code maxDepth}, heaviest first, then the rest of the heaviest path (marked
     * {@link PathTotal#heavy}): from the root, the child whose largest object holds at least half of its
     * parent's, followed until the bytes split or a leaf is reached. Needs paths linked to their parents.
     */
    public static List<PathTotal> withHeavyPath(Collection<PathTotal> paths, int maxDepth) {
        List<PathTotal> shallow = new ArrayList<>();
        for (PathTotal path : paths) {
            if (path.level <= maxDepth) {
                shallow.add(path);
            }
        }
        List<PathTotal> result = new ArrayList<>(heaviest(shallow));
        for (PathTotal step : heaviestPath(paths)) {
            step.heavy = true;
            if (!result.contains(step)) {
                result.add(step);
            }
        }
        return result;
    }

    private static List<PathTotal> heaviestPath(Collection<PathTotal> paths) {
        List<PathTotal> steps = new ArrayList<>();
        PathTotal parent = null;
        while (true) {
            PathTotal heaviest = null;
            for (PathTotal path : paths) {
                if (path.parent == parent && (heaviest == null || path.largest > heaviest.largest)) {
                    heaviest = path;
                }
            }
            if (heaviest == null || parent != null && heaviest.largest < HEAVY_SHARE * parent.largest) {
                return steps;
            }
            steps.add(heaviest);
            parent = heaviest;
        }
    }

    /** Writes the paths of the traced call {@code callId}. */
    public static void commit(List<PathTotal> paths, long callId, Class<?> rootClass) {
        for (PathTotal path : paths) {
            SerializationCompositionEvent event = new SerializationCompositionEvent();
            event.callId = callId;
            event.rootClass = rootClass;
            event.rootClassName = StableClassNames.of(rootClass);
            event.path = path.path;
            event.level = path.level;
            event.declaringClass = path.declaring;
            event.field = path.field;
            event.valueClass = path.valueClass;
            event.valueClassName = StableClassNames.of(path.valueClass);
            event.bytes = path.bytes;
            event.objects = path.objects;
            event.count = path.count;
            event.identity = path.identity;
            event.heavyPath = path.heavy;
            event.commit();
        }
    }
}
