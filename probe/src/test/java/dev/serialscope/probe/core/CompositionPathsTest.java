package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositionPathsTest {

    @Test
    void theHeaviestPathIsFollowedBelowMaxDepthWhileOneChildHoldsHalfOfItsParent() {
        PathTotal task = path("task", null, 1000);
        PathTotal small = path("small", null, 100);
        PathTotal closure = path("task.closure", task, 900);
        PathTotal other = path("task.other", task, 50);
        PathTotal captured = path("task.closure.captured", closure, 890);
        PathTotal sibling = path("task.closure.sibling", closure, 400);
        PathTotal split = path("task.closure.captured.part", captured, 300);

        List<PathTotal> written = CompositionPaths.withHeavyPath(
                List.of(small, other, sibling, split, task, closure, captured), 2);

        assertEquals(List.of(task, closure, small, other, captured), written);
        assertTrue(task.heavy && closure.heavy && captured.heavy);
        assertFalse(small.heavy || other.heavy || sibling.heavy || split.heavy);
    }

    private static PathTotal path(String name, PathTotal parent, long bytes) {
        PathTotal total = new PathTotal(name, name.split("\\.").length, Object.class, name, parent);
        total.add(bytes, 1, Object.class, 0);
        return total;
    }
}
