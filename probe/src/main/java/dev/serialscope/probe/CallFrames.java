package dev.serialscope.probe;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationEvent;

/**
 * One thread's top-level serialization calls in progress. Usually there is one; a custom
 * writeObject that opens another stream nests a second. Arrays rather than objects per call keep
 * the hot path free of allocation; the per-call events are reused for the same reason.
 */
final class CallFrames {

    static final int MAX_NESTING = 8;

    int depth;
    final Object[] stream = new Object[MAX_NESTING];
    final long[] startNanos = new long[MAX_NESTING];
    /** Bytes counted on the stream at entry, or -1 when the stream is not counted. */
    final long[] startBytes = new long[MAX_NESTING];
    /** Buffered primitive data that leaves the stream inside this call but belongs before it. */
    final int[] earlierBytes = new int[MAX_NESTING];
    final boolean[] hashing = new boolean[MAX_NESTING];
    final int[] startHandles = new int[MAX_NESTING];
    final int[] descriptors = new int[MAX_NESTING];
    final int[] descriptorHandles = new int[MAX_NESTING];
    final int[] descriptorNesting = new int[MAX_NESTING];
    final int[] descriptorStartHandles = new int[MAX_NESTING];
    final long[] descriptorBytes = new long[MAX_NESTING];
    final long[] descriptorStartPosition = new long[MAX_NESTING];
    final boolean[] eventStarted = new boolean[MAX_NESTING];
    final boolean[] traced = new boolean[MAX_NESTING];
    private final SerializationEvent[] serializationEvents = new SerializationEvent[MAX_NESTING];
    private final DeserializationEvent[] deserializationEvents = new DeserializationEvent[MAX_NESTING];

    /** Opens a frame for {@code callStream}; returns its level, or -1 when nesting is too deep. */
    int push(Object callStream) {
        int level = depth;
        if (level == MAX_NESTING) {
            return -1;
        }
        depth = level + 1;
        stream[level] = callStream;
        descriptors[level] = 0;
        descriptorHandles[level] = 0;
        descriptorNesting[level] = 0;
        descriptorBytes[level] = 0;
        hashing[level] = false;
        eventStarted[level] = false;
        traced[level] = false;
        return level;
    }

    /** Closes the frame at {@code level} and any frame above it that an error left open. */
    void pop(int level) {
        for (int i = level; i < depth; i++) {
            stream[i] = null;
        }
        depth = level;
    }

    /** The level of the innermost call on {@code callStream}, or -1 when it is not measured. */
    int levelOf(Object callStream) {
        int level = depth - 1;
        return level >= 0 && stream[level] == callStream ? level : -1;
    }

    SerializationEvent serializationEvent(int level) {
        SerializationEvent event = serializationEvents[level];
        if (event == null) {
            event = new SerializationEvent();
            serializationEvents[level] = event;
        }
        return event;
    }

    DeserializationEvent deserializationEvent(int level) {
        DeserializationEvent event = deserializationEvents[level];
        if (event == null) {
            event = new DeserializationEvent();
            deserializationEvents[level] = event;
        }
        return event;
    }
}
