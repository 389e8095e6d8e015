package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import dev.serialscope.boot.CountingOutputStream;
import dev.serialscope.boot.ProbeHooks;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.SerializationCallEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import dev.serialscope.probe.core.CallTiming;
import dev.serialscope.probe.core.Channels;
import dev.serialscope.probe.core.CompositionPaths;
import dev.serialscope.probe.core.PathTotal;
import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.core.ProbeErrors;
import dev.serialscope.probe.core.SerializationRecording;
import dev.serialscope.probe.core.StableClassNames;
import dev.serialscope.probe.core.StatisticsTable;
import dev.serialscope.probe.core.Stores;
import dev.serialscope.probe.core.ThreadCounts;
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
    private final CompositionTracer tracer = new CompositionTracer();
    private final UnfilteredSources unfilteredSources = new UnfilteredSources();
    private final GadgetReads gadgetReads = new GadgetReads();
    private final SerializationRecording recording;
    private final StatisticsTable writeStatistics;
    private final StatisticsTable readStatistics;
    private final Channels channels;
    private final ProbeErrors errors;
    private final AtomicLong callIds;
    /** True while a recording wants composition events and the tracing advice is in place. */
    volatile boolean compositionEvents;

    SerializationProbe(ProbeCore core) {
        this.recording = core.recording();
        this.writeStatistics = recording.newTable(SerializationStatisticsEvent.WRITE, FRAMEWORK);
        this.readStatistics = recording.newTable(SerializationStatisticsEvent.READ, FRAMEWORK);
        this.channels = core.channels();
        this.errors = core.errors();
        this.callIds = core.callIds();
    }

    @Override
    public Object serializationEnter(Object stream) {
        ObjectOutputStream out = (ObjectOutputStream) stream;
        OutputStream target = StreamInternals.target(out);
        if (target == null) {
            return null;
        }
        CallFrame f = frames.get().push(out);
        if (f == null) {
            return null;
        }
        f.target = target;
        f.startHandles = StreamInternals.handleCount(out);
        int earlier = StreamInternals.pendingBytes(out);
        f.earlierBytes = earlier;
        boolean events = recording.serializationEvents();
        if (target instanceof CountingOutputStream) {
            CountingOutputStream counting = (CountingOutputStream) target;
            counting.callsInProgress++;
            f.newStream = counting.calls++ == 0;
            f.startBytes = counting.count();
            if (events && CurrentSettings.serializationContentHash) {
                counting.startHash(earlier);
                f.hashing = true;
            }
        } else {
            f.startBytes = SerializationCallEvent.BYTES_UNKNOWN;
        }
        int timeWeight = f.thread.timing.next();
        f.timeWeight = timeWeight;
        if (events) {
            f.beginEvent(true);
        }
        if (timeWeight > 0) {
            f.startNanos = System.nanoTime();
            if (compositionEvents) {
                tracer.tick(f.startNanos);
            }
        }
        if (compositionEvents && f.startBytes >= 0 && tracer.due() && Bridge.tracingAllowed()) {
            f.traced = tracer.tryStart(out);
        }
        return f;
    }

    @Override
    public Object serializationExit(Object stream, Object root, Object frame, Throwable thrown) {
        CallFrame f = (CallFrame) frame;
        long nanos = f.timeWeight > 0 ? System.nanoTime() - f.startNanos : CallTiming.UNTIMED;
        try {
            List<PathTotal> composition = f.traced ? tracer.finish() : null;
            if (!Bridge.tracingAllowed()) {
                composition = null; // tracing failed during this call: its paths are incomplete
            }
            long hash = f.hashing ? ((CountingOutputStream) f.target).stopHash() : 0;
            return Bridge.serializationWorking()
                    ? record(f, (ObjectOutputStream) stream, root, thrown, nanos, hash, composition) : null;
        } finally {
            // Whatever failed above, the stream stops hashing, the tracer is free and the frame is closed.
            if (f.startBytes >= 0) {
                CountingOutputStream counting = (CountingOutputStream) f.target;
                counting.callsInProgress--;
                if (f.hashing) {
                    counting.stopHash();
                }
            }
            if (f.traced) {
                tracer.releaseIfHeld();
            }
            f.thread.pop(f);
        }
    }

    /** Counts the call; returns its filled per-call event for the advice to commit, or null. */
    private SerializationEvent record(CallFrame f, ObjectOutputStream out, Object root, Throwable thrown, long nanos,
                        long hash, List<PathTotal> composition) {
        long bytes = f.startBytes < 0 ? SerializationCallEvent.BYTES_UNKNOWN
                : ((CountingOutputStream) f.target).count() - f.startBytes - f.earlierBytes;
        Class<?> rootClass = root == null ? null : root.getClass();
        if (compositionEvents && nanos == CallTiming.UNTIMED && bytes >= CurrentSettings.compositionMinBytes) {
            // Calls large enough to be explained arm the tracer too: with sampled timing, few of them are timed.
            tracer.tick(System.nanoTime());
        }
        boolean serializedOutput = root instanceof byte[] && f.thread.recentOutputs.holds(((byte[]) root).length);
        if (recording.counting()) {
            CallFrames thread = f.thread;
            if (thread.writeCounts == null) {
                thread.writeCounts = writeStatistics.register();
            }
            ThreadCounts counts = thread.writeCounts;
            int row = counts.add(rootClass, bytes, nanos, f.timeWeight, thrown != null);
            if (f.newStream) {
                counts.count(row, ThreadCounts.NEW_STREAMS, 1);
            }
            countDescriptors(counts, row, f, bytes);
            if (bytes >= RecentRoots.MIN_BYTES && root != null && thread.recentRoots.repeated(root, bytes)) {
                counts.count(row, ThreadCounts.REPEATED_ROOTS, 1);
                counts.count(row, ThreadCounts.REPEATED_BYTES, bytes);
            }
            if (serializedOutput) {
                counts.count(row, ThreadCounts.SERIALIZED_OUTPUTS, 1);
                counts.count(row, ThreadCounts.SERIALIZED_OUTPUT_BYTES, bytes);
            }
        }
        f.thread.recentOutputs.add(bytes);
        boolean explained = composition != null && bytes >= CurrentSettings.compositionMinBytes;
        SerializationEvent event = null;
        // The event's end() is left to the calls that commit it: a clock read saved on every other call.
        if (f.events && (explained
                || CallTiming.passes(bytes, nanos, CurrentSettings.serializationMinBytes, CurrentSettings.serializationMinNanos))) {
            event = f.serializationEvent();
            int objects = StreamInternals.handleCount(out) - f.startHandles - f.descriptorHandles;
            fill(event, rootClass, bytes, objects, f, root, out, thrown);
            event.contentHash = hash;
            event.channel = channels.ofOutput(out, f.target);
            event.serializedOutput = serializedOutput;
        }
        if (f.events) {
            f.thread.timing.ended(bytes, CurrentSettings.serializationMinBytes);
        }
        if (explained) {
            CompositionPaths.commit(composition, event != null ? event.callId : callIds.incrementAndGet(), rootClass);
        }
        return event;
    }

    /** The pooled event lets go of its root class, so that an idle thread holds no class loader through it. */
    @Override
    public void committed(Object event) {
        ((SerializationCallEvent) event).rootClass = null;
    }

    @Override
    public Object deserializationEnter(Object stream) {
        ObjectInputStream in = (ObjectInputStream) stream;
        long bytesRead = StreamInternals.bytesRead(in);
        if (bytesRead < 0) {
            return null;
        }
        CallFrame f = frames.get().push(in);
        if (f == null) {
            return null;
        }
        f.startBytes = bytesRead;
        f.startHandles = StreamInternals.handleCount(in);
        f.timeWeight = f.thread.timing.next();
        if (recording.deserializationEvents()) {
            f.beginEvent(false);
        }
        if (f.timeWeight > 0) {
            f.startNanos = System.nanoTime();
        }
        return f;
    }

    @Override
    public Object deserializationExit(Object stream, Object result, Object frame, Throwable thrown) {
        CallFrame f = (CallFrame) frame;
        long nanos = f.timeWeight > 0 ? System.nanoTime() - f.startNanos : CallTiming.UNTIMED;
        try {
            return Bridge.deserializationWorking() ? record(f, (ObjectInputStream) stream, result, thrown, nanos) : null;
        } finally {
            f.thread.pop(f);
        }
    }

    /** Counts the call; returns its filled per-call event for the advice to commit, or null. */
    private DeserializationEvent record(CallFrame f, ObjectInputStream in, Object result, Throwable thrown, long nanos) {
        long bytes = StreamInternals.bytesRead(in) - f.startBytes;
        Class<?> rootClass = result == null ? null : result.getClass();
        boolean filtered = StreamInternals.filtered(in);
        boolean ownCheck = ResolveClassOverrides.of(in);
        boolean unfiltered = !filtered && !ownCheck;
        if (recording.counting()) {
            CallFrames thread = f.thread;
            if (thread.readCounts == null) {
                thread.readCounts = readStatistics.register();
            }
            ThreadCounts counts = thread.readCounts;
            int row = counts.add(rootClass, bytes, nanos, f.timeWeight, thrown != null);
            countDescriptors(counts, row, f, bytes);
            if (unfiltered) {
                counts.count(row, ThreadCounts.UNFILTERED, 1);
            }
        }
        // An unfiltered class is a security signal: its first read from a source is never thresholded away, nor is
        // any read of a gadget-chain entry point.
        boolean securitySignal = unfiltered && f.events && rootClass != null
                && (unfilteredSources.firstFrom(rootClass, StreamInternals.source(in)) | gadgetReads.written(rootClass));
        if (f.events) {
            f.thread.timing.ended(bytes, CurrentSettings.deserializationMinBytes);
        }
        if (f.events && (securitySignal
                || CallTiming.passes(bytes, nanos, CurrentSettings.deserializationMinBytes, CurrentSettings.deserializationMinNanos))) {
            DeserializationEvent event = f.deserializationEvent();
            int objects = StreamInternals.handleCount(in) - f.startHandles - f.descriptorHandles;
            fill(event, rootClass, bytes, objects, f, result, in, thrown);
            event.contentHash = CurrentSettings.serializationContentHash ? StreamInternals.consumedHash(in, bytes) : 0;
            event.filtered = filtered;
            event.resolveClassOverridden = ownCheck;
            event.channel = channels.ofInput(in, StreamInternals.source(in));
            return event;
        }
        return null;
    }

    private static void countDescriptors(ThreadCounts counts, int row, CallFrame f, long bytes) {
        if (bytes >= 0 && f.descriptorBytes > 0) {
            counts.count(row, ThreadCounts.DESCRIPTOR_BYTES, f.descriptorBytes);
        }
    }

    private void fill(SerializationCallEvent event, Class<?> rootClass, long bytes, int objects,
                      CallFrame f, Object root, Object stream, Throwable thrown) {
        event.framework = FRAMEWORK;
        event.rootClass = rootClass;
        event.rootClassName = StableClassNames.of(rootClass);
        event.bytes = bytes;
        // A failed call makes the stream forget its handles, so the difference means nothing.
        event.objects = thrown == null ? Math.max(0, objects) : 0;
        event.classDescriptors = f.descriptors;
        event.classDescriptorBytes = bytes < 0 ? SerializationCallEvent.BYTES_UNKNOWN : f.descriptorBytes;
        event.identity = root == null ? 0 : System.identityHashCode(root) & UNSIGNED_INT;
        event.streamId = System.identityHashCode(stream) & UNSIGNED_INT;
        event.store = Stores.current();
        event.failure = thrown == null ? null : thrown.getClass().getName();
        event.callId = callIds.incrementAndGet();
    }

    @Override
    public Object descriptorEnter(Object stream) {
        CallFrame f = frames.get().frameOf(stream);
        if (f == null) {
            return null;
        }
        f.descriptors++;
        if (f.descriptorNesting++ == 0) {
            f.descriptorStartHandles = handleCount(stream);
            f.descriptorStartPosition = descriptorStart(stream);
        }
        return f;
    }

    @Override
    public void descriptorExit(Object stream, Object frame) {
        CallFrame f = (CallFrame) frame;
        if (f.stream == stream && --f.descriptorNesting == 0) {
            f.descriptorHandles += handleCount(stream) - f.descriptorStartHandles;
            long start = f.descriptorStartPosition;
            f.descriptorBytes = start < 0 ? SerializationCallEvent.BYTES_UNKNOWN
                    : f.descriptorBytes + position(stream) - start;
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
        CallFrame f = frames.get().frameOf(stream);
        if (f != null) {
            f.startHandles = handleCount(stream);
        }
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
