package dev.serialscope.probe.framework;

import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.probe.core.CompositionPaths;
import dev.serialscope.probe.core.PathTotal;
import dev.serialscope.probe.core.TraceNodes;
import dev.serialscope.probe.core.TraceSampler;
import java.lang.reflect.Array;
import java.util.List;

/**
 * Traces one sampled Kryo or Jackson write at a time, field by field, and adds up the bytes written below
 * each field path of the root, down to {@code maxDepth} levels, from the writer's position before and after
 * each field (Kryo's {@code Output.total()}, the Jackson generator's flushed and buffered bytes). Objects a
 * serializer writes without a field (a collection's or map's elements) are {@code <contents>}, array elements
 * are labelled by index as in java serialization. Only the tracing thread touches the state between
 * {@link #tryStart} and {@link #finish}. Paths hold names of classes and fields, never values.
 */
final class FrameworkTracer {

    /** Calls in a row one sampling interval may trace to find one past the size floor (production: 64 KiB). */
    static final int TRIES_PER_INTERVAL = 64;
    private static final int MAX_NESTING = 1024;

    final TraceSampler sampler = new TraceSampler(TRIES_PER_INTERVAL);
    private final TraceNodes<Node> nodes = new TraceNodes<>(MAX_NESTING, Node::new, Node::clear);
    /** The call's Kryo Output, or the first Jackson generator seen: writes elsewhere belong to other calls. */
    private Object writer;
    private int maxDepth;
    private int depth;
    /** A position could not be read: the paths would be wrong, so the call explains nothing. */
    private boolean failed;

    /** Claims the tracer for a write of {@code root} to {@code callWriter} (null: the first writer the call uses). */
    boolean tryStart(Object callWriter, Object root) {
        if (!sampler.tryClaim()) {
            return false;
        }
        writer = callWriter;
        maxDepth = CurrentSettings.compositionMaxDepth;
        failed = false;
        Node node = nodes.open(0);
        node.value(root);
        node.hasValue = true;
        depth = 1;
        FrameworkBridge.tracingThread = Thread.currentThread();
        return true;
    }

    /** Whether {@code callWriter} is the traced call's writer (a Jackson call's first generator becomes it). */
    boolean writesTo(Object callWriter) {
        if (writer == null) {
            writer = callWriter;
        }
        return callWriter == writer && depth > 0 && depth < MAX_NESTING;
    }

    /** An object written not as the value of a field just entered: an element or what a custom serializer wrote. */
    void objectEnter(long position, Object object) {
        Node parent = nodes.at(depth - 1);
        Node node = nodes.open(depth++);
        if (parent.field && !parent.hasValue) {
            // The field's value: its bytes are the field's, its own fields follow below the field's path.
            parent.value(object);
            parent.hasValue = true;
            node.path = parent.path;
            node.level = parent.level;
            node.value(object);
            node.hasValue = true;
            return;
        }
        boolean element = parent.arrayLength >= 0;
        int index = element ? parent.elementCursor++ : 0;
        node.level = parent.level + 1;
        node.value(object);
        node.hasValue = true;
        if (node.level <= maxDepth) {
            // Below maxDepth the bytes count only in the ancestors: no path is made.
            String label = element ? CompositionPaths.indexLabel(index, parent.arrayLength) : CompositionPaths.CONTENTS;
            open(node, element ? parent.path + label : parent.contentsPath(), parent.type, label, position);
        }
    }

    /**
     * A field of {@code bean} (null: of the object being written) starts. A bean that is not the object the
     * path has reached is inside it (an element of a list or map): its fields are below {@code <contents>}.
     */
    void fieldEnter(long position, String name, Class<?> declaring, Object bean) {
        Node parent = nodes.at(depth - 1);
        Node node = nodes.open(depth++);
        boolean inside = bean != null && parent.identity != identity(bean);
        node.level = parent.level + (inside ? 2 : 1);
        node.field = true;
        if (node.level <= maxDepth) {
            String parentPath = inside ? parent.contentsPath() : parent.path;
            open(node, CompositionPaths.join(parentPath, name), declaring, name, position);
        }
    }

    /** The innermost field's value starts as a JSON object or array (Jackson). */
    void value(Object value) {
        Node node = nodes.at(depth - 1);
        if (node.field && !node.hasValue) {
            node.value(value);
            node.hasValue = true;
        }
    }

    void exit(long position) {
        Node node = nodes.at(--depth);
        if (node.total != null) {
            if (position < 0 || node.startPosition < 0) {
                failed = true;
            } else {
                node.total.add(position - node.startPosition, 0, node.type, node.identity);
            }
        }
        node.clear();
    }

    /** Ends the trace and returns the heaviest paths, heaviest first; null when positions were unknown. */
    List<PathTotal> finish() {
        List<PathTotal> heaviest = failed ? null : nodes.heaviest();
        release();
        return heaviest;
    }

    /** Frees the tracer after a failure, unless {@link #finish} already did (and another call holds it now). */
    void releaseIfHeld() {
        if (FrameworkBridge.tracingThread == Thread.currentThread()) {
            release();
        }
    }

    private void release() {
        FrameworkBridge.tracingThread = null;
        writer = null;
        nodes.reset(depth);
        depth = 0;
        sampler.release();
    }

    /** A node within maxDepth (its {@code level} set) gets its path and adds its bytes to the path's total. */
    private void open(Node node, String path, Class<?> declaring, String field, long position) {
        node.path = path;
        node.startPosition = position;
        node.total = nodes.total(path, node.level, declaring, field);
    }

    private static long identity(Object object) {
        return object == null ? 0 : System.identityHashCode(object) & 0xFFFF_FFFFL;
    }

    /** A field, element or object being written, with where its bytes go. */
    private static final class Node {
        String path;
        int level;
        PathTotal total;
        long startPosition;
        /** A field: the first object written inside it is its value. */
        boolean field;
        boolean hasValue;
        Class<?> type;
        long identity;
        int arrayLength;
        int elementCursor;
        /** The path of what is written inside this node without a field, made once for all its elements. */
        private String contentsPath;

        String contentsPath() {
            if (contentsPath == null) {
                contentsPath = CompositionPaths.join(path, CompositionPaths.CONTENTS);
            }
            return contentsPath;
        }

        void value(Object object) {
            type = object == null ? null : object.getClass();
            identity = identity(object);
            arrayLength = type != null && type.isArray() ? Array.getLength(object) : -1;
        }

        void clear() {
            path = "";
            level = 0;
            total = null;
            startPosition = 0;
            field = false;
            hasValue = false;
            type = null;
            identity = 0;
            arrayLength = -1;
            elementCursor = 0;
            contentsPath = null;
        }
    }
}
