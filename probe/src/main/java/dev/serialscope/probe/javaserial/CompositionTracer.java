package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.probe.core.CompositionPaths;
import dev.serialscope.probe.core.PathTotal;
import dev.serialscope.probe.core.TraceNodes;
import dev.serialscope.probe.core.TraceSampler;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces one sampled serialization call at a time, object by object, and adds up the bytes and
 * objects written below each field path of the root, down to {@code maxDepth} levels, and below them
 * (to {@value #HEAVY_PATH_DEPTH} levels) the heaviest path: the child that holds most of its parent,
 * followed until the bytes split or a leaf is reached, so that a large value is named wherever it sits
 * (a map captured by a closure eight levels down a Spark task). Only the
 * tracing thread touches the state between {@link #tryStart} and {@link #finish}; other threads
 * pay one field comparison per object. Paths hold names of classes and fields, never values.
 */
final class CompositionTracer {

    /** Graph nesting that is followed; deeper objects still count in their ancestors' bytes. */
    private static final int MAX_NESTING = 1024;
    /** How deep the heaviest path is followed. */
    static final int HEAVY_PATH_DEPTH = 32;
    private final TraceSampler sampler = new TraceSampler(1);

    private Object stream;
    private int maxDepth;
    private int depth;
    private boolean rootDone;
    private final TraceNodes<Node> nodes = new TraceNodes<>(MAX_NESTING, Node::new, Node::clear);
    private final Map<ObjectStreamClass, String[]> fieldNames = new IdentityHashMap<>();

    /** Told the time by the calls that read the clock (the timed ones); see {@link TraceSampler}. */
    void tick(long now) {
        sampler.tick(now);
    }

    boolean due() {
        return sampler.due();
    }

    /** Claims the tracer for a call on {@code callStream}; call only when {@link #due()}. */
    boolean tryStart(Object callStream) {
        if (!sampler.tryClaim()) {
            return false;
        }
        stream = callStream;
        maxDepth = CurrentSettings.compositionMaxDepth;
        depth = 0;
        rootDone = false;
        Bridge.tracingThread = Thread.currentThread();
        return true;
    }

    /**
     * Ends the trace and returns the heaviest paths up to maxDepth, heaviest first, then the rest of the
     * heaviest path (marked {@link PathTotal#heavy}).
     */
    List<PathTotal> finish() {
        List<PathTotal> heaviest = nodes.heaviestWithHeavyPath(maxDepth);
        release();
        return heaviest;
    }

    /** Frees the tracer after a failure, unless {@link #finish} already did (and another call holds it now). */
    void releaseIfHeld() {
        if (Bridge.tracingThread == Thread.currentThread()) {
            release();
        }
    }

    private void release() {
        Bridge.tracingThread = null;
        stream = null;
        fieldNames.clear();
        nodes.reset(depth);
        sampler.release();
    }

    void objectEnter(Object callStream, Object object) {
        if (callStream != stream || (depth == 0 && rootDone)) {
            return; // another stream nested in this call, or the exception written after a failed root
        }
        int level = depth++;
        if (level >= MAX_NESTING) {
            return;
        }
        Node node = nodes.open(level);
        if (object != null) {
            node.type = object.getClass();
            node.arrayLength = node.type.isArray() ? Array.getLength(object) : -1;
        }
        if (level == 0 || level > HEAVY_PATH_DEPTH) {
            return;
        }
        Node parent = nodes.at(level - 1);
        if (level > 1 && parent.total == null) {
            return; // below a path that is not added up
        }
        String field;
        Class<?> declaring;
        String path;
        if (parent.fields != null && parent.fieldCursor < parent.fields.length) {
            field = parent.fields[parent.fieldCursor++];
            declaring = parent.fieldsDeclaring;
            path = CompositionPaths.join(parent.path, field);
        } else if (parent.arrayLength >= 0) {
            field = CompositionPaths.indexLabel(parent.elementCursor++, parent.arrayLength);
            declaring = parent.type;
            path = parent.path + field;
        } else {
            field = CompositionPaths.CONTENTS;
            declaring = parent.type;
            path = CompositionPaths.join(parent.path, field);
        }
        PathTotal total = nodes.total(path, level, declaring, field, parent.total, level > maxDepth);
        if (total == null) {
            return;
        }
        node.path = path;
        node.total = total;
        node.identity = object == null ? 0 : System.identityHashCode(object) & 0xFFFF_FFFFL;
        ObjectOutputStream out = (ObjectOutputStream) callStream;
        node.startPosition = StreamInternals.position(out);
        node.startHandles = StreamInternals.handleCount(out);
    }

    void objectExit(Object callStream) {
        if (callStream != stream || depth == 0) {
            return;
        }
        int level = --depth;
        if (level == 0) {
            rootDone = true;
        }
        if (level >= MAX_NESTING) {
            return;
        }
        Node node = nodes.at(level);
        if (node.total != null) {
            ObjectOutputStream out = (ObjectOutputStream) callStream;
            node.total.add(StreamInternals.position(out) - node.startPosition,
                    StreamInternals.handleCount(out) - node.startHandles, node.type, node.identity);
        }
        node.clear();
    }

    void fieldsEnter(Object callStream, Object descriptor) {
        if (callStream != stream || depth == 0 || depth > MAX_NESTING) {
            return;
        }
        Node node = nodes.at(depth - 1);
        ObjectStreamClass desc = (ObjectStreamClass) descriptor;
        node.fields = fieldNames.computeIfAbsent(desc, CompositionTracer::objectFieldNames);
        node.fieldsDeclaring = desc.forClass();
        node.fieldCursor = 0;
    }

    void fieldsExit(Object callStream) {
        if (callStream != stream || depth == 0 || depth > MAX_NESTING) {
            return;
        }
        nodes.at(depth - 1).fields = null;
    }

    /** Names of the object-typed serializable fields, in the order defaultWriteFields writes them. */
    private static String[] objectFieldNames(ObjectStreamClass desc) {
        List<String> names = new ArrayList<>();
        for (ObjectStreamField field : desc.getFields()) {
            if (!field.isPrimitive()) {
                names.add(field.getName());
            }
        }
        return names.toArray(new String[0]);
    }

    /** One object being written, with where its bytes go. */
    private static final class Node {
        Class<?> type;
        int arrayLength;
        String path;
        PathTotal total;
        long identity;
        long startPosition;
        int startHandles;
        String[] fields;
        Class<?> fieldsDeclaring;
        int fieldCursor;
        int elementCursor;

        void clear() {
            type = null;
            arrayLength = -1;
            path = "";
            total = null;
            fields = null;
            fieldsDeclaring = null;
            fieldCursor = 0;
            elementCursor = 0;
        }
    }
}
