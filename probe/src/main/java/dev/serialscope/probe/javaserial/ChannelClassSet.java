package dev.serialscope.probe.javaserial;

import dev.serialscope.events.DeserializationLimitsEvent;
import dev.serialscope.events.DeserializedClassEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes deserialized on one channel and the largest values its streams reached, as a serial
 * filter would check them. A class already written in the current chunk costs one map lookup and no
 * lock; the maxima are raised by compare-and-set only when exceeded, so concurrent streams on the same
 * channel never lose a maximum (a filter written from a lower one would reject real traffic).
 */
final class ChannelClassSet {

    /** Enough for any real message protocol; a channel beyond it is reported, not tracked. */
    static final int MAX_CLASSES = 1024;

    private static final VarHandle MAX_DEPTH;
    private static final VarHandle MAX_REFERENCES;
    private static final VarHandle MAX_ARRAY_LENGTH;
    private static final VarHandle MAX_STREAM_BYTES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MAX_DEPTH = lookup.findVarHandle(ChannelClassSet.class, "maxDepth", long.class);
            MAX_REFERENCES = lookup.findVarHandle(ChannelClassSet.class, "maxReferences", long.class);
            MAX_ARRAY_LENGTH = lookup.findVarHandle(ChannelClassSet.class, "maxArrayLength", long.class);
            MAX_STREAM_BYTES = lookup.findVarHandle(ChannelClassSet.class, "maxStreamBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The chunk a class was last written in. */
    private static final class Seen {
        volatile int chunk;
    }

    private final String channel;
    private final Map<Class<?>, Seen> classes = new ConcurrentHashMap<>();
    private volatile long maxDepth;
    private volatile long maxReferences;
    private volatile long maxArrayLength;
    private volatile long maxStreamBytes;
    private volatile boolean full;
    /** Racy once full: an approximate count is enough to say that the set is incomplete. */
    private long untrackedChecks;

    ChannelClassSet(String channel) {
        this.channel = channel;
    }

    void checked(Class<?> type, int arrayLength, long depth, long references, long streamBytes, int chunk) {
        raise(MAX_DEPTH, depth);
        raise(MAX_REFERENCES, references);
        raise(MAX_ARRAY_LENGTH, arrayLength);
        raise(MAX_STREAM_BYTES, streamBytes);
        if (type == null) {
            return;
        }
        Seen seen = classes.get(type);
        if (seen != null && seen.chunk == chunk) {
            return;
        }
        if (seen == null && full) {
            untrackedChecks++;
            return;
        }
        firstInChunk(type, chunk);
    }

    private void raise(VarHandle maximum, long value) {
        long current;
        while (value > (current = (long) maximum.getVolatile(this))) {
            if (maximum.compareAndSet(this, current, value)) {
                return;
            }
        }
    }

    private synchronized void firstInChunk(Class<?> type, int chunk) {
        Seen seen = classes.get(type);
        if (seen == null) {
            if (classes.size() >= MAX_CLASSES) {
                full = true;
                untrackedChecks++;
                return;
            }
            seen = new Seen();
            classes.put(type, seen);
        } else if (seen.chunk == chunk) {
            return;
        }
        seen.chunk = chunk;
        write(type);
    }

    /**
     * Runs when chunk {@code closing} ends: the classes not yet written in it are written now, so that
     * the chunk holds the whole set, then the maxima.
     */
    synchronized void endOfChunk(int closing) {
        for (Map.Entry<Class<?>, Seen> entry : classes.entrySet()) {
            Seen seen = entry.getValue();
            if (seen.chunk != closing) {
                seen.chunk = closing;
                write(entry.getKey());
            }
        }
        DeserializationLimitsEvent limits = new DeserializationLimitsEvent();
        limits.channel = channel;
        limits.classes = classes.size();
        limits.untrackedChecks = untrackedChecks;
        limits.maxDepth = maxDepth;
        limits.maxReferences = maxReferences;
        limits.maxArrayLength = maxArrayLength;
        limits.maxStreamBytes = maxStreamBytes;
        limits.commit();
    }

    /** Lets go of the classes once no recording wants the set. */
    synchronized void forget() {
        classes.clear();
    }

    private void write(Class<?> type) {
        DeserializedClassEvent event = new DeserializedClassEvent();
        event.channel = channel;
        event.serialClass = type;
        event.commit();
    }
}
