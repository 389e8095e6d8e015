package dev.serialscope.probe.javaserial;

import dev.serialscope.probe.core.CallTiming;
import dev.serialscope.probe.core.OpenCalls;
import dev.serialscope.probe.core.ThreadCounts;

/**
 * One thread's top-level serialization calls in progress, and its counts for the java
 * statistics. Usually one call is open; a custom writeObject that opens another stream nests a
 * second. It is the only per-thread object the java probe looks up, once per call.
 */
final class CallFrames {

    static final int MAX_NESTING = 8;

    private final CallFrame[] frames = new CallFrame[MAX_NESTING];
    private int depth;
    /** Made on the thread itself (a ThreadLocal's initial value), so it is the thread's. */
    private final OpenCalls open = OpenCalls.ofThisThread();
    ThreadCounts writeCounts;
    ThreadCounts readCounts;
    final CallTiming timing = new CallTiming(System.identityHashCode(this));
    final RecentRoots recentRoots = new RecentRoots();
    final RecentOutputs recentOutputs = new RecentOutputs();

    /**
     * Opens a frame for {@code callStream}, or returns null when nesting is too deep or a Kryo, Jackson or
     * Protobuf call is open on the thread (this call is part of it).
     */
    CallFrame push(Object callStream) {
        int level = depth;
        if (level == MAX_NESTING || open.frameworks > 0) {
            return null;
        }
        CallFrame frame = frames[level];
        if (frame == null) {
            frame = new CallFrame(this, level);
            frames[level] = frame;
        }
        depth = level + 1;
        open.java = depth;
        frame.open(callStream);
        return frame;
    }

    /** Closes {@code frame} and any frame above it that an error left open. */
    void pop(CallFrame frame) {
        for (int i = frame.level; i < depth; i++) {
            frames[i].stream = null;
            frames[i].target = null;
        }
        depth = frame.level;
        open.java = depth;
    }

    /** The innermost call on {@code callStream}, or null when it is not measured. */
    CallFrame frameOf(Object callStream) {
        int level = depth - 1;
        return level >= 0 && frames[level].stream == callStream ? frames[level] : null;
    }
}
