package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.ClassSetBridge;
import dev.serialscope.events.DeserializationLimitsEvent;
import dev.serialscope.probe.core.Channels;
import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.core.ProbeErrors;
import java.io.ObjectInputStream;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps, per channel, the set of classes that deserialization resolved and the largest values a serial
 * filter's limits were checked against. Each thread remembers the channel of the last stream it read
 * from, so the channel is named once per stream, not per class; the sets live while a recording wants
 * them and are dropped (with the classes they hold) when none does.
 */
final class ClassSetProbe implements ClassSetBridge.Hooks {

    /** Channels beyond this many (e.g. a server's many client ports) share one set. */
    static final int MAX_CHANNELS = 256;

    /** The channel set of the last stream a thread read from. */
    private static final class LastStream {
        WeakReference<ObjectInputStream> stream = new WeakReference<>(null);
        ChannelClassSet set;
        int generation = -1;
    }

    private final Channels channels;
    private final ProbeErrors errors;
    private final Map<String, ChannelClassSet> sets = new ConcurrentHashMap<>();
    private final ThreadLocal<LastStream> lastStream = ThreadLocal.withInitial(LastStream::new);
    /** Advances when a chunk ends: a class is written again the first time it is seen in the next one. */
    private volatile int chunk;
    /** Advances when the sets are dropped, so that no thread keeps counting into a dropped set. */
    private volatile int generation;
    private boolean tracking;

    ClassSetProbe(ProbeCore core) {
        this.channels = core.channels();
        this.errors = core.errors();
    }

    @Override
    public void checked(Object stream, Class<?> type, int arrayLength, long depth, long references) {
        ObjectInputStream in = (ObjectInputStream) stream;
        LastStream last = lastStream.get();
        int current = generation;
        ChannelClassSet set = last.set;
        if (last.generation != current || last.stream.get() != in) {
            set = setOf(in);
            last.stream = new WeakReference<>(in);
            last.set = set;
            last.generation = current;
        }
        set.checked(type, arrayLength, depth, references, StreamInternals.bytesRead(in), chunk);
    }

    private ChannelClassSet setOf(ObjectInputStream in) {
        // Named afresh, not through the per-stream cache of the call events: no lock and no entry per stream.
        String channel = channels.nameOf(StreamInternals.source(in));
        ChannelClassSet set = sets.get(channel);
        if (set != null) {
            return set;
        }
        String key = sets.size() < MAX_CHANNELS ? channel : DeserializationLimitsEvent.OTHER_CHANNELS;
        return sets.computeIfAbsent(key, ChannelClassSet::new);
    }

    /** Starts or stops tracking as the recordings ask; stopping forgets every set. */
    synchronized void track(boolean wanted) {
        if (tracking && !wanted) {
            generation++;
            // Threads that read no more keep their last set: emptied, it holds no class (and no class loader).
            sets.values().forEach(ChannelClassSet::forget);
            sets.clear();
        }
        tracking = wanted;
    }

    /** Runs on JFR's periodic thread when a chunk ends. */
    synchronized void endOfChunk() {
        int closing = chunk;
        for (ChannelClassSet set : sets.values()) {
            set.endOfChunk(closing);
        }
        chunk = closing + 1;
    }

    @Override
    public void hookFailed(String hook, Throwable failure) {
        errors.report(hook, failure);
    }
}
