package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.SerializationCompositionEvent;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
    /** Arrays up to this length are labelled by index; longer ones by index range. */
    private static final int EXACT_INDEX_LENGTH = 8;
    static final String CONTENTS = "<contents>";
    /** How deep the heaviest path is followed. */
    static final int HEAVY_PATH_DEPTH = 32;
    /** Paths below maxDepth that are added up, so that a wide graph cannot grow the table without end. */
    private static final int MAX_DEEP_PATHS = 4096;
    /** A child whose largest object holds at least this share of its parent's is on the heaviest path. */
    private static final double HEAVY_SHARE = 0.5;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile long lastArmedNanos = Long.MIN_VALUE / 2;
    /** The sampling interval has passed since the last trace: the next call may be traced. */
    private volatile boolean due;

    private Object stream;
    private int maxDepth;
    private int depth;
    private boolean rootDone;
    private final Node[] nodes = new Node[MAX_NESTING];
    private final Map<String, PathTotal> paths = new HashMap<>();
    private final Map<ObjectStreamClass, String[]> fieldNames = new IdentityHashMap<>();

    /**
     * Told the time by the calls that read the clock (the timed ones): arms the tracer once the sampling
     * interval has passed, so that untimed calls need no clock to be traced.
     */
    void tick(long now) {
        long interval = CurrentSettings.compositionIntervalNanos;
        if (interval != Long.MAX_VALUE && now - lastArmedNanos >= interval && !due) {
            lastArmedNanos = now;
            due = true;
        }
    }

    /** Whether the next call may be traced: the interval has passed, or every call is to be traced. */
    boolean due() {
        return due || CurrentSettings.compositionIntervalNanos == 0;
    }

    /** Claims the tracer for a call on {@code callStream}; call only when {@link #due()}. */
    boolean tryStart(Object callStream) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        due = false;
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
        List<PathTotal> result = new ArrayList<>();
        for (PathTotal path : paths.values()) {
            if (path.level <= maxDepth) {
                result.add(path);
            }
        }
        result.sort(Comparator.comparingLong((PathTotal p) -> p.bytes).reversed());
        if (result.size() > SerializationCompositionEvent.MAX_PATHS) {
            result = new ArrayList<>(result.subList(0, SerializationCompositionEvent.MAX_PATHS));
        }
        for (PathTotal step : heaviestPath()) {
            step.heavy = true;
            if (!result.contains(step)) {
                result.add(step);
            }
        }
        release();
        return result;
    }

    /** From the root down: the child whose largest object holds most of its parent's largest, while there is one. */
    private List<PathTotal> heaviestPath() {
        List<PathTotal> steps = new ArrayList<>();
        PathTotal parent = null;
        while (true) {
            PathTotal heaviest = null;
            for (PathTotal path : paths.values()) {
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

    /** Frees the tracer after a failure, unless {@link #finish} already did (and another call holds it now). */
    void releaseIfHeld() {
        if (Bridge.tracingThread == Thread.currentThread()) {
            release();
        }
    }

    private void release() {
        Bridge.tracingThread = null;
        stream = null;
        paths.clear();
        fieldNames.clear();
        for (int i = 0; i < depth && i < MAX_NESTING; i++) {
            nodes[i].clear();
        }
        busy.set(false);
    }

    void objectEnter(Object callStream, Object object) {
        if (callStream != stream || (depth == 0 && rootDone)) {
            return; // another stream nested in this call, or the exception written after a failed root
        }
        int level = depth++;
        if (level >= MAX_NESTING) {
            return;
        }
        Node node = node(level);
        node.clear();
        if (object != null) {
            node.type = object.getClass();
            node.arrayLength = node.type.isArray() ? Array.getLength(object) : -1;
        }
        if (level == 0 || level > HEAVY_PATH_DEPTH) {
            return;
        }
        Node parent = nodes[level - 1];
        if (level > 1 && parent.total == null) {
            return; // below a path that is not added up
        }
        String field;
        Class<?> declaring;
        String path;
        if (parent.fields != null && parent.fieldCursor < parent.fields.length) {
            field = parent.fields[parent.fieldCursor++];
            declaring = parent.fieldsDeclaring;
            path = join(parent.path, field);
        } else if (parent.arrayLength >= 0) {
            field = indexLabel(parent.elementCursor++, parent.arrayLength);
            declaring = parent.type;
            path = parent.path + field;
        } else {
            field = CONTENTS;
            declaring = parent.type;
            path = join(parent.path, field);
        }
        PathTotal total = paths.get(path);
        if (total == null) {
            if (level > maxDepth && paths.size() >= MAX_DEEP_PATHS) {
                return;
            }
            total = new PathTotal(path, level, declaring, field, parent.total);
            paths.put(path, total);
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
        Node node = nodes[level];
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
        Node node = nodes[depth - 1];
        ObjectStreamClass desc = (ObjectStreamClass) descriptor;
        node.fields = fieldNames.computeIfAbsent(desc, CompositionTracer::objectFieldNames);
        node.fieldsDeclaring = desc.forClass();
        node.fieldCursor = 0;
    }

    void fieldsExit(Object callStream) {
        if (callStream != stream || depth == 0 || depth > MAX_NESTING) {
            return;
        }
        nodes[depth - 1].fields = null;
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

    static String indexLabel(int index, int length) {
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

    private static String join(String parentPath, String field) {
        return parentPath.isEmpty() ? field : parentPath + "." + field;
    }

    private Node node(int level) {
        Node node = nodes[level];
        if (node == null) {
            node = new Node();
            nodes[level] = node;
        }
        return node;
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

    /** What one field path of the traced call adds up to. */
    static final class PathTotal {
        final String path;
        final int level;
        final Class<?> declaring;
        final String field;
        long bytes;
        int objects;
        int count;
        long identity;
        Class<?> valueClass;
        /** Its parent path, null at level 1. */
        final PathTotal parent;
        /** On the heaviest path of the call. */
        boolean heavy;
        private long largest = -1;

        PathTotal(String path, int level, Class<?> declaring, String field, PathTotal parent) {
            this.path = path;
            this.level = level;
            this.declaring = declaring;
            this.field = field;
            this.parent = parent;
        }

        void add(long objectBytes, int objectCount, Class<?> type, long objectIdentity) {
            bytes += objectBytes;
            objects += Math.max(0, objectCount);
            identity = count == 0 ? objectIdentity : 0;
            count++;
            if (objectBytes > largest) {
                largest = objectBytes;
                valueClass = type;
            }
        }
    }
}
