package dev.serialscope.probe.javaserial;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.probe.core.CallTiming;
import java.io.OutputStream;

/**
 * One top-level serialization or deserialization call in progress. The advice hands it from the
 * method's entry to its exit, so the exit finds it without a lookup; frames and their per-call
 * events belong to one thread and are reused, so measuring a call allocates nothing.
 */
final class CallFrame {

    final CallFrames thread;
    final int level;

    Object stream;
    /** The counting wrapper (or the application's stream) under an ObjectOutputStream; null for reads. */
    OutputStream target;
    long startNanos;
    /** The calls this one stands for in the statistics' time when it is timed, else 0. */
    int timeWeight;
    /** Bytes counted on the stream at entry, or -1 when the stream is not counted. */
    long startBytes;
    /** Buffered primitive data that leaves the stream inside this call but belongs before it. */
    int earlierBytes;
    boolean hashing;
    /** The call is the first on its ObjectOutputStream, which wrote its header just before. */
    boolean newStream;
    int startHandles;
    int descriptors;
    int descriptorHandles;
    int descriptorNesting;
    int descriptorStartHandles;
    long descriptorBytes;
    long descriptorStartPosition;
    /** The recordings want per-call events of this call's kind. */
    boolean events;
    /** The frame's pooled per-call event was begun for this call; else a committed event is a fresh one. */
    boolean eventBegun;
    boolean traced;
    private SerializationEvent serializationEvent;
    private DeserializationEvent deserializationEvent;

    CallFrame(CallFrames thread, int level) {
        this.thread = thread;
        this.level = level;
    }

    void open(Object callStream) {
        stream = callStream;
        target = null;
        descriptors = 0;
        descriptorHandles = 0;
        descriptorNesting = 0;
        descriptorBytes = 0;
        hashing = false;
        newStream = false;
        events = false;
        eventBegun = false;
        traced = false;
    }

    /** Begins the pooled per-call event when the thread's timing says so (see {@link CallTiming#beginsEvent}). */
    void beginEvent(boolean write) {
        events = true;
        eventBegun = thread.timing.beginsEvent(timeWeight);
        if (eventBegun) {
            if (write) {
                pooledSerializationEvent().begin();
            } else {
                pooledDeserializationEvent().begin();
            }
        }
    }

    /** The event to write for this call: the pooled one, ended, when it was begun, else a fresh one (no duration). */
    SerializationEvent serializationEvent() {
        if (!eventBegun) {
            return new SerializationEvent();
        }
        SerializationEvent event = pooledSerializationEvent();
        event.end();
        return event;
    }

    DeserializationEvent deserializationEvent() {
        if (!eventBegun) {
            return new DeserializationEvent();
        }
        DeserializationEvent event = pooledDeserializationEvent();
        event.end();
        return event;
    }

    private SerializationEvent pooledSerializationEvent() {
        if (serializationEvent == null) {
            serializationEvent = new SerializationEvent();
        }
        return serializationEvent;
    }

    private DeserializationEvent pooledDeserializationEvent() {
        if (deserializationEvent == null) {
            deserializationEvent = new DeserializationEvent();
        }
        return deserializationEvent;
    }
}
