package dev.serialscope.probe;

import dev.serialscope.boot.Bridge;
import dev.serialscope.boot.CountingOutputStream;
import dev.serialscope.boot.ProbeHooks;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.SerializationCallEvent;
import dev.serialscope.events.SerializationCompositionEvent;
import dev.serialscope.events.SerializationEvent;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures each top-level ObjectOutputStream/ObjectInputStream call: bytes, handles, class
 * descriptors and time; adds it to the statistics and, when it passes a threshold, writes its
 * per-call event. Runs on the application's thread, so it allocates nothing on the way unless
 * it writes an event, and takes no lock.
 */
final class SerializationProbe implements ProbeHooks {

    static final String FRAMEWORK = "java";
    private static final long UNSIGNED_INT = 0xFFFF_FFFFL;

    private final ThreadLocal<CallFrames> frames = ThreadLocal.withInitial(CallFrames::new);
    private final AtomicLong callIds = new AtomicLong();
    private final CompositionTracer tracer = new CompositionTracer();
    private final RecordingSwitch recording;
    private final Channels channels;
    private final ProbeErrors errors;

    SerializationProbe(RecordingSwitch recording, Channels channels, ProbeErrors errors) {
        this.recording = recording;
        this.channels = channels;
        this.errors = errors;
    }

    @Override
    public long serializationEnter(Object stream) {
        ObjectOutputStream out = (ObjectOutputStream) stream;
        OutputStream target = StreamInternals.target(out);
        if (target == null) {
            return Bridge.SKIP;
        }
        CallFrames f = frames.get();
        int level = f.push(out);
        if (level < 0) {
            return Bridge.SKIP;
        }
        f.startHandles[level] = StreamInternals.handleCount(out);
        int earlier = StreamInternals.pendingBytes(out);
        f.earlierBytes[level] = earlier;
        boolean events = recording.serializationEvents;
        if (target instanceof CountingOutputStream) {
            CountingOutputStream counting = (CountingOutputStream) target;
            f.startBytes[level] = counting.count();
            if (events && CurrentSettings.serializationContentHash) {
                counting.startHash(earlier);
                f.hashing[level] = true;
            }
        } else {
            f.startBytes[level] = SerializationCallEvent.BYTES_UNKNOWN;
        }
        if (events) {
            f.serializationEvent(level).begin();
            f.eventStarted[level] = true;
        }
        long start = System.nanoTime();
        if (recording.compositionEvents && f.startBytes[level] >= 0 && Bridge.tracingAllowed()) {
            f.traced[level] = tracer.tryStart(out, start);
        }
        f.startNanos[level] = start;
        return level;
    }

    @Override
    public void serializationExit(Object stream, Object root, long token, Throwable thrown) {
        long end = System.nanoTime();
        CallFrames f = frames.get();
        int level = (int) token;
        ObjectOutputStream out = (ObjectOutputStream) stream;
        OutputStream target = StreamInternals.target(out);
        try {
            List<CompositionTracer.PathTotal> composition = f.traced[level] ? tracer.finish() : null;
            if (!Bridge.tracingAllowed()) {
                composition = null; // tracing failed during this call: its paths are incomplete
            }
            long hash = f.hashing[level] ? ((CountingOutputStream) target).stopHash() : 0;
            if (Bridge.serializationWorking()) {
                record(f, level, out, target, root, thrown, end - f.startNanos[level], hash, composition);
            }
        } finally {
            // Whatever failed above, the stream stops hashing, the tracer is free and the frame is closed.
            if (f.hashing[level]) {
                ((CountingOutputStream) target).stopHash();
            }
            if (f.traced[level]) {
                tracer.releaseIfHeld();
            }
            f.pop(level);
        }
    }

    private void record(CallFrames f, int level, ObjectOutputStream out, OutputStream target, Object root,
                        Throwable thrown, long nanos, long hash, List<CompositionTracer.PathTotal> composition) {
        long bytes = f.startBytes[level] < 0 ? SerializationCallEvent.BYTES_UNKNOWN
                : ((CountingOutputStream) target).count() - f.startBytes[level] - f.earlierBytes[level];
        Class<?> rootClass = root == null ? null : root.getClass();
        if (recording.statistics) {
            recording.serializationStatistics.add(rootClass, bytes, nanos, thrown != null);
        }
        boolean explained = composition != null && bytes >= CurrentSettings.compositionMinBytes;
        long callId = 0;
        if (f.eventStarted[level]) {
            SerializationEvent event = f.serializationEvent(level);
            event.end();
            if (explained || passes(bytes, nanos, CurrentSettings.serializationMinBytes, CurrentSettings.serializationMinNanos)) {
                int objects = StreamInternals.handleCount(out) - f.startHandles[level] - f.descriptorHandles[level];
                fill(event, rootClass, bytes, objects, f, level, root, out, thrown);
                callId = event.callId;
                event.contentHash = hash;
                event.channel = channels.ofOutput(out, target);
                event.commit();
                event.rootClass = null;
            }
        }
        if (explained) {
            commitComposition(composition, callId != 0 ? callId : callIds.incrementAndGet(), rootClass);
        }
    }

    private static void commitComposition(List<CompositionTracer.PathTotal> paths, long callId, Class<?> rootClass) {
        for (CompositionTracer.PathTotal path : paths) {
            SerializationCompositionEvent event = new SerializationCompositionEvent();
            event.callId = callId;
            event.rootClass = rootClass;
            event.path = path.path;
            event.level = path.level;
            event.declaringClass = path.declaring;
            event.field = path.field;
            event.valueClass = path.valueClass;
            event.bytes = path.bytes;
            event.objects = path.objects;
            event.count = path.count;
            event.identity = path.identity;
            event.commit();
        }
    }

    @Override
    public long deserializationEnter(Object stream) {
        ObjectInputStream in = (ObjectInputStream) stream;
        long bytesRead = StreamInternals.bytesRead(in);
        if (bytesRead < 0) {
            return Bridge.SKIP;
        }
        CallFrames f = frames.get();
        int level = f.push(in);
        if (level < 0) {
            return Bridge.SKIP;
        }
        f.startBytes[level] = bytesRead;
        f.startHandles[level] = StreamInternals.handleCount(in);
        if (recording.deserializationEvents) {
            f.deserializationEvent(level).begin();
            f.eventStarted[level] = true;
        }
        f.startNanos[level] = System.nanoTime();
        return level;
    }

    @Override
    public void deserializationExit(Object stream, Object result, long token, Throwable thrown) {
        long end = System.nanoTime();
        CallFrames f = frames.get();
        int level = (int) token;
        try {
            if (Bridge.deserializationWorking()) {
                record(f, level, (ObjectInputStream) stream, result, thrown, end - f.startNanos[level]);
            }
        } finally {
            f.pop(level);
        }
    }

    private void record(CallFrames f, int level, ObjectInputStream in, Object result, Throwable thrown, long nanos) {
        long bytes = StreamInternals.bytesRead(in) - f.startBytes[level];
        Class<?> rootClass = result == null ? null : result.getClass();
        if (recording.statistics) {
            recording.deserializationStatistics.add(rootClass, bytes, nanos, thrown != null);
        }
        if (f.eventStarted[level]) {
            DeserializationEvent event = f.deserializationEvent(level);
            event.end();
            if (passes(bytes, nanos, CurrentSettings.deserializationMinBytes, CurrentSettings.deserializationMinNanos)) {
                int objects = StreamInternals.handleCount(in) - f.startHandles[level] - f.descriptorHandles[level];
                fill(event, rootClass, bytes, objects, f, level, result, in, thrown);
                event.contentHash = 0;
                event.filtered = StreamInternals.filtered(in);
                event.channel = channels.ofInput(in, StreamInternals.source(in));
                event.commit();
                event.rootClass = null;
            }
        }
    }

    /** A call of unknown size is judged as if it had 0 bytes: "0 B" still writes every call. */
    private static boolean passes(long bytes, long nanos, long minBytes, long minNanos) {
        return Math.max(bytes, 0) >= minBytes || nanos >= minNanos;
    }

    private void fill(SerializationCallEvent event, Class<?> rootClass, long bytes, int objects,
                             CallFrames f, int level, Object root, Object stream, Throwable thrown) {
        event.framework = FRAMEWORK;
        event.rootClass = rootClass;
        event.bytes = bytes;
        // A failed call makes the stream forget its handles, so the difference means nothing.
        event.objects = thrown == null ? Math.max(0, objects) : 0;
        event.classDescriptors = f.descriptors[level];
        event.classDescriptorBytes = bytes < 0 ? SerializationCallEvent.BYTES_UNKNOWN : f.descriptorBytes[level];
        event.identity = root == null ? 0 : System.identityHashCode(root) & UNSIGNED_INT;
        event.streamId = System.identityHashCode(stream) & UNSIGNED_INT;
        event.failure = thrown == null ? null : thrown.getClass().getName();
        event.callId = callIds.incrementAndGet();
    }

    @Override
    public boolean descriptorEnter(Object stream) {
        CallFrames f = frames.get();
        int level = f.levelOf(stream);
        if (level < 0) {
            return false;
        }
        f.descriptors[level]++;
        if (f.descriptorNesting[level]++ == 0) {
            f.descriptorStartHandles[level] = handleCount(stream);
            f.descriptorStartPosition[level] = descriptorStart(stream);
        }
        return true;
    }

    @Override
    public void descriptorExit(Object stream) {
        CallFrames f = frames.get();
        int level = f.levelOf(stream);
        if (level >= 0 && --f.descriptorNesting[level] == 0) {
            f.descriptorHandles[level] += handleCount(stream) - f.descriptorStartHandles[level];
            long start = f.descriptorStartPosition[level];
            f.descriptorBytes[level] = start < 0 ? SerializationCallEvent.BYTES_UNKNOWN
                    : f.descriptorBytes[level] + position(stream) - start;
        }
    }

    /** ObjectInputStream has already peeked (and counted) the descriptor's tag byte when we are called. */
    private static long descriptorStart(Object stream) {
        return stream instanceof ObjectOutputStream
                ? StreamInternals.position((ObjectOutputStream) stream)
                : StreamInternals.bytesRead((ObjectInputStream) stream) - 1;
    }

    private static long position(Object stream) {
        return stream instanceof ObjectOutputStream
                ? StreamInternals.position((ObjectOutputStream) stream)
                : StreamInternals.bytesRead((ObjectInputStream) stream);
    }

    private static int handleCount(Object stream) {
        return stream instanceof ObjectOutputStream
                ? StreamInternals.handleCount((ObjectOutputStream) stream)
                : StreamInternals.handleCount((ObjectInputStream) stream);
    }

    @Override
    public void objectEnter(Object stream, Object object) {
        tracer.objectEnter(stream, object);
    }

    @Override
    public void objectExit(Object stream) {
        tracer.objectExit(stream);
    }

    @Override
    public void fieldsEnter(Object stream, Object descriptor) {
        tracer.fieldsEnter(stream, descriptor);
    }

    @Override
    public void fieldsExit(Object stream) {
        tracer.fieldsExit(stream);
    }

    @Override
    public void streamReset(Object stream) {
        CallFrames f = frames.get();
        int level = f.levelOf(stream);
        if (level >= 0) {
            f.startHandles[level] = handleCount(stream);
        }
    }

    /** Call ids are shared with the framework probe (Kryo, Jackson, Protobuf), so they stay unique. */
    long nextCallId() {
        return callIds.incrementAndGet();
    }

    @Override
    public void processStarted(Process process) {
        channels.processStarted(process);
    }

    @Override
    public void hookFailed(String hook, Throwable failure) {
        errors.report(hook, failure);
    }
}
