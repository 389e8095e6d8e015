package dev.serialscope.probe.framework;

import static dev.serialscope.probe.framework.Sites.READ_BYTEBUFFER;
import static dev.serialscope.probe.framework.Sites.READ_BYTES;
import static dev.serialscope.probe.framework.Sites.READ_BYTESTRING;
import static dev.serialscope.probe.framework.Sites.READ_BYTES_RANGE;
import static dev.serialscope.probe.framework.Sites.READ_FILE;
import static dev.serialscope.probe.framework.Sites.READ_KRYO;
import static dev.serialscope.probe.framework.Sites.READ_STREAM;
import static dev.serialscope.probe.framework.Sites.READ_STRING;
import static dev.serialscope.probe.framework.Sites.WRITE_BYTESTRING_RESULT;
import static dev.serialscope.probe.framework.Sites.WRITE_BYTES_RESULT;
import static dev.serialscope.probe.framework.Sites.WRITE_FILE;
import static dev.serialscope.probe.framework.Sites.WRITE_KRYO;
import static dev.serialscope.probe.framework.Sites.WRITE_STREAM;
import static dev.serialscope.probe.framework.Sites.WRITE_STRING_RESULT;

import dev.serialscope.boot.CountingOutputStream;
import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationCallEvent;
import dev.serialscope.events.SerializationCompositionEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import dev.serialscope.probe.core.Bridges;
import dev.serialscope.probe.core.CallTiming;
import dev.serialscope.probe.core.Channels;
import dev.serialscope.probe.core.CompositionPaths;
import dev.serialscope.probe.core.LateAdvice;
import dev.serialscope.probe.core.OpenCalls;
import dev.serialscope.probe.core.PathTotal;
import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.core.ProbeErrors;
import dev.serialscope.probe.core.RecordingFollower;
import dev.serialscope.probe.core.SerializationRecording;
import dev.serialscope.probe.core.SerializerCalls;
import dev.serialscope.probe.core.StableClassNames;
import dev.serialscope.probe.core.StatisticsTable;
import dev.serialscope.probe.core.Stores;
import dev.serialscope.probe.core.ThreadCounts;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.EventType;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Measures each top-level call of every installed framework (Kryo, Jackson, Protobuf): exact
 * bytes, time, channel; adds it to the statistics of its framework and, past the thresholds,
 * writes the same per-call events as java serialization with {@code framework} set. A call made
 * while another framework call or a java serialization call runs on the same thread (a Jackson
 * serializer calling the mapper, a Kryo serializer calling Jackson, a parser's overloads calling each
 * other, Kryo inside a custom writeObject) belongs to the outer call. A sampled write is traced field
 * by field ({@link FrameworkTracer}, {@link MessageSizes}) for composition events. Allocation-free
 * unless a stream must be counted, an event is written or a call is traced; no locks.
 */
final class FrameworkProbe implements FrameworkBridge.Hooks {

    private static final long UNSIGNED_INT = 0xFFFF_FFFFL;
    /** Token of a call nested in another framework call: only the depth is kept. */
    private static final Object NESTED = new Object();

    private static final Members TOTAL = new Members("total", long.class);
    private static final Members OUTPUT_STREAM = new Members("getOutputStream", Object.class);
    private static final Members INPUT_STREAM = new Members("getInputStream", Object.class);
    private static final Members REGISTRATION_REQUIRED = new Members("isRegistrationRequired", boolean.class);
    private static final Members SIZE = new Members("size", long.class);
    private static final Members OUTPUT_TARGET = new Members("getOutputTarget", Object.class);
    private static final Members OUTPUT_BUFFERED = new Members("getOutputBuffered", long.class);
    private static final Members PROPERTY_NAME = new Members("getName", Object.class);
    private static final Members PROPERTY_MEMBER = new Members("getMember", Object.class);
    private static final Members DECLARING_CLASS = new Members("getDeclaringClass", Object.class);

    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);
    private final Frameworks frameworks = new Frameworks();
    private final StatisticsTable[] writeStatistics = new StatisticsTable[FrameworkBridge.MAX_FRAMEWORKS];
    private final StatisticsTable[] readStatistics = new StatisticsTable[FrameworkBridge.MAX_FRAMEWORKS];
    private final SerializationRecording recording;
    private final Channels channels;
    private final ProbeErrors errors;
    private final AtomicLong callIds;
    private final SerializerCalls serializerCalls;
    private final TracedAs[] tracedAs = new TracedAs[FrameworkBridge.MAX_FRAMEWORKS];
    private final FrameworkTracer tracer = new FrameworkTracer();
    /** How the call the tracer traces measures positions; read by the tracing thread only. */
    private TracedAs tracing = TracedAs.NONE;
    /** The tracing advice of every framework, added with java serialization's when a recording first asks. */
    private final LateAdvice lateAdvice;
    /** Set when JFR registers our events, before the first change. */
    private EventType compositionType;
    /** True while a recording wants composition events and the tracing advice is in place. */
    private volatile boolean compositionEvents;

    private FrameworkProbe(ProbeCore core) {
        this.recording = core.recording();
        this.channels = core.channels();
        this.errors = core.errors();
        this.callIds = core.callIds();
        this.serializerCalls = core.serializerCalls();
        this.lateAdvice = LateAdvice.compositionTracing(core);
    }

    /** The probe, installed in {@link FrameworkBridge} and switched with the serialization recording. */
    static FrameworkProbe install(ProbeCore core) {
        FrameworkProbe probe = new FrameworkProbe(core);
        SerializationRecording recording = core.recording();
        recording.onRegistration(() -> probe.compositionType = RecordingFollower.registered(SerializationCompositionEvent.class));
        recording.onChange(() -> {
            // The tracing advice goes in before the first call can be traced, and only once a recording asks.
            boolean composition = RecordingFollower.enabled(probe.compositionType) && probe.tracingInstalled();
            probe.compositionEvents = composition;
            FrameworkBridge.activate(recording.serializationEvents() || recording.counting() || composition,
                    recording.deserializationEvents() || recording.counting());
        });
        Bridges.install(FrameworkBridge.Hooks.class, probe, FrameworkBridge::install);
        return probe;
    }

    /**
     * Adds a framework with its statistics tables and how its writes are traced, with the advice that
     * traces them (by class name, added when a recording first asks for composition events); returns its number.
     */
    synchronized int add(String name, TracedAs traced, Map<String, AgentBuilder.Transformer> advice) {
        int framework = frameworks.add(name);
        tracedAs[framework] = traced;
        lateAdvice.add(advice);
        writeStatistics[framework] = recording.newTable(SerializationStatisticsEvent.WRITE, name);
        readStatistics[framework] = recording.newTable(SerializationStatisticsEvent.READ, name);
        return framework;
    }

    private boolean tracingInstalled() {
        return lateAdvice.installed() || lateAdvice.install();
    }

    /** One thread's top-level framework call in progress, reused, and the thread's statistics counts. */
    private static final class Call {
        final ThreadCounts[] writeCounts = new ThreadCounts[FrameworkBridge.MAX_FRAMEWORKS];
        final ThreadCounts[] readCounts = new ThreadCounts[FrameworkBridge.MAX_FRAMEWORKS];
        final CallTiming timing = new CallTiming(System.identityHashCode(this));
        /** Made on the thread itself (a ThreadLocal's initial value), so it is the thread's. */
        final OpenCalls open = OpenCalls.ofThisThread();
        /** Framework calls open on the thread, nested ones included; {@link #open} says the same to java serialization. */
        int depth;
        /** The open calls are nested in a java serialization call: they are part of it, even for the channel probe. */
        boolean insideJava;
        boolean traced;
        long startNanos;
        /** The calls this one stands for in the statistics' time when it is timed, else 0. */
        int timeWeight;
        long startBytes;
        Object self;
        Object target;
        Object root;
        CountingOutputStream countingOut;
        FrameworkBridge.CountingInputStream countingIn;
        boolean eventStarted;
        boolean hashing;
        SerializationEvent serialization;
        DeserializationEvent deserialization;

        /** Starts a top-level call; {@code event} is begun when the recordings want per-call events. */
        void start(Object callSelf, Object callTarget, Object callRoot, long callStartBytes, SerializationCallEvent event) {
            self = callSelf;
            target = callTarget;
            root = callRoot;
            startBytes = callStartBytes;
            eventStarted = event != null;
            if (event != null) {
                event.begin();
            }
            timeWeight = timing.next();
            if (timeWeight > 0) {
                startNanos = System.nanoTime();
            }
            depth = 1;
            open.frameworks = 1;
        }

        SerializationEvent serializationEvent() {
            if (serialization == null) {
                serialization = new SerializationEvent();
            }
            return serialization;
        }

        DeserializationEvent deserializationEvent() {
            if (deserialization == null) {
                deserialization = new DeserializationEvent();
            }
            return deserialization;
        }

        void clear() {
            traced = false;
            self = null;
            target = null;
            root = null;
            countingOut = null;
            countingIn = null;
            hashing = false;
        }
    }

    @Override
    public Object writeEnter(int site, Object self, Object target, Object root) throws Throwable {
        return enter(site, true, self, target, root, 0);
    }

    @Override
    public Object readEnter(int site, Object self, Object source, int length) throws Throwable {
        return enter(site, false, self, source, null, length);
    }

    /**
     * A call nested in the thread's framework call, or in a java serialization call, only counts its depth; the
     * serializer-call listener hears of framework calls nested in each other, not of those inside java serialization.
     */
    private Object enter(int site, boolean write, Object self, Object target, Object root, int length) throws Throwable {
        Call c = calls.get();
        Object token;
        if (c.depth > 0 || c.open.java > 0) {
            if (c.depth == 0) {
                c.insideJava = true;
            }
            c.depth++;
            c.open.frameworks = c.depth;
            token = NESTED;
        } else {
            c.insideJava = false;
            int kind = FrameworkBridge.kind(site);
            token = write ? startWrite(c, site, kind, self, target, root) : startRead(c, kind, self, target, length);
        }
        if (token != null && !c.insideJava) {
            serializerCalls.listener().enter(frameworks.name(FrameworkBridge.framework(site)), write, root);
        }
        return token;
    }

    private Object startWrite(Call c, int site, int kind, Object self, Object target, Object root) throws Throwable {
        Object token = c;
        long start = 0;
        boolean events = recording.serializationEvents();
        if (kind == WRITE_KRYO) {
            start = total(target);
        } else if (kind == WRITE_STREAM) {
            if (target == null) {
                return null; // the library rejects it; nothing to measure
            }
            CountingOutputStream counting = new CountingOutputStream((OutputStream) target, false);
            if (events && CurrentSettings.serializationContentHash) {
                counting.startHash(0);
                c.hashing = true;
            }
            c.countingOut = counting;
            token = counting;
        }
        c.start(self, target, root, start, events ? c.serializationEvent() : null);
        if (compositionEvents) {
            startTrace(c, tracedAs[FrameworkBridge.framework(site)], kind, target, root);
        }
        return token;
    }

    /** Traces the call when the sampler says so and its bytes can be seen field by field. */
    private void startTrace(Call c, TracedAs traced, int kind, Object target, Object root) {
        if (c.timeWeight > 0) {
            tracer.sampler.tick(c.startNanos);
        }
        boolean positions = traced == TracedAs.OUTPUT_TOTAL ? c.startBytes >= 0
                : traced == TracedAs.GENERATOR_POSITION ? kind == WRITE_BYTES_RESULT || kind == WRITE_STREAM
                : traced == TracedAs.MESSAGE_SIZES;
        if (positions && tracer.sampler.due() && FrameworkBridge.tracingAllowed()
                // Kryo writes to the call's Output, Jackson to the generator it makes; Protobuf has no advice to follow.
                && tracer.tryStart(traced == TracedAs.OUTPUT_TOTAL ? target : traced == TracedAs.MESSAGE_SIZES ? tracer : null,
                        root)) {
            c.traced = true;
            tracing = traced;
        }
    }

    private Object startRead(Call c, int kind, Object self, Object source, int length) throws Throwable {
        Object token = c;
        long start = 0;
        switch (kind) {
            case READ_KRYO:
                start = total(source);
                break;
            case READ_STREAM:
                if (source == null) {
                    return null;
                }
                c.countingIn = new FrameworkBridge.CountingInputStream((InputStream) source);
                token = c.countingIn;
                break;
            case READ_BYTES_RANGE:
                start = length;
                break;
            case READ_BYTEBUFFER:
                start = source == null ? SerializationCallEvent.BYTES_UNKNOWN : ((ByteBuffer) source).remaining();
                break;
            default:
                break;
        }
        c.start(self, source, null, start, recording.deserializationEvents() ? c.deserializationEvent() : null);
        return token;
    }

    @Override
    public Object writeExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        return exit(site, true, token, result, thrown);
    }

    @Override
    public Object readExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        return exit(site, false, token, result, thrown);
    }

    /** The pooled event lets go of its root class, so that an idle thread holds no class loader through it. */
    @Override
    public void committed(Object event) {
        SerializationCallEvent call = (SerializationCallEvent) event;
        call.rootClass = null;
        call.channel = null;
    }

    /** Returns the top-level call's filled per-call event for the advice to commit, or null. */
    private SerializationCallEvent exit(int site, boolean write, Object token, Object result, Throwable thrown)
            throws Throwable {
        // Stream sites hand out the counting stream as their token; every other top-level call, the Call.
        Call c = token instanceof Call ? (Call) token : calls.get();
        boolean topLevel = token != NESTED;
        // No longer in progress, whatever fails next.
        c.depth = topLevel ? 0 : Math.max(0, c.depth - 1);
        c.open.frameworks = c.depth;
        long end = topLevel && c.timeWeight > 0 ? System.nanoTime() : 0;
        if (!c.insideJava) {
            serializerCalls.listener().exit();
        }
        return topLevel ? finish(c, site, write, result, thrown, end) : null;
    }

    private SerializationCallEvent finish(Call c, int site, boolean write, Object result, Throwable thrown, long end)
            throws Throwable {
        SerializationCallEvent committed = null;
        try {
            int framework = FrameworkBridge.framework(site);
            int kind = FrameworkBridge.kind(site);
            long bytes = bytes(kind, c, result);
            long nanos = c.timeWeight > 0 ? end - c.startNanos : CallTiming.UNTIMED;
            Object root = write ? c.root : result;
            Class<?> rootClass = root == null ? null : root.getClass();
            if (recording.counting()) {
                counts(c, framework, write).add(rootClass, bytes, nanos, c.timeWeight, thrown != null);
            }
            List<PathTotal> composition = c.traced ? composition(root, thrown) : null;
            boolean explained = composition != null && bytes >= CurrentSettings.compositionMinBytes;
            if (c.traced && !explained) {
                tracer.sampler.retry();
            } else if (write && compositionEvents && nanos == CallTiming.UNTIMED && bytes >= CurrentSettings.compositionMinBytes) {
                // Calls large enough to be explained arm the tracer too: with sampled timing, few of them are timed.
                tracer.sampler.tick(System.nanoTime());
            }
            long callId = 0;
            if (c.eventStarted) {
                SerializationCallEvent event = write ? c.serialization : c.deserialization;
                if (explained || (write ? CallTiming.passes(bytes, nanos, CurrentSettings.serializationMinBytes, CurrentSettings.serializationMinNanos)
                        : CallTiming.passes(bytes, nanos, CurrentSettings.deserializationMinBytes, CurrentSettings.deserializationMinNanos))) {
                    event.end();
                    fill(event, framework, rootClass, bytes, root, thrown);
                    if (write) {
                        c.serialization.contentHash = writtenHash(kind, c, result);
                    } else {
                        c.deserialization.contentHash = 0;
                        c.deserialization.filtered = kind == READ_KRYO && REGISTRATION_REQUIRED.getBoolean(c.self);
                    }
                    event.channel = channel(kind, c);
                    event.streamId = streamId(kind, c.target);
                    callId = event.callId;
                    committed = event;
                }
            } else if (c.hashing) {
                c.countingOut.stopHash();
            }
            if (explained) {
                CompositionPaths.commit(composition, callId != 0 ? callId : callIds.incrementAndGet(), rootClass);
            }
            return committed;
        } finally {
            if (c.traced) {
                tracer.releaseIfHeld();
            }
            c.clear();
        }
    }

    /** The traced call's paths, heaviest first; null when it failed or its bytes could not be followed. */
    private List<PathTotal> composition(Object root, Throwable thrown) {
        List<PathTotal> traced = tracer.finish();
        if (thrown != null || traced == null || !FrameworkBridge.tracingAllowed()) {
            return null;
        }
        if (tracing != TracedAs.MESSAGE_SIZES) {
            return traced;
        }
        try {
            Collection<PathTotal> sizes = MessageSizes.of(root, CurrentSettings.compositionMaxDepth);
            return sizes == null ? null : CompositionPaths.heaviest(sizes);
        } catch (Throwable t) {
            FrameworkBridge.tracingFailed(t); // the call itself is measured as before
            return null;
        }
    }

    /** The thread's counts of {@code framework}'s calls in one direction, registered on the thread's first such call. */
    private ThreadCounts counts(Call c, int framework, boolean write) {
        ThreadCounts[] counts = write ? c.writeCounts : c.readCounts;
        if (counts[framework] == null) {
            counts[framework] = (write ? writeStatistics : readStatistics)[framework].register();
        }
        return counts[framework];
    }

    private static long bytes(int kind, Call c, Object result) throws Throwable {
        switch (kind) {
            case WRITE_KRYO:
            case READ_KRYO:
                return delta(c.startBytes, total(c.target));
            case WRITE_BYTES_RESULT:
                return result instanceof byte[] ? ((byte[]) result).length : SerializationCallEvent.BYTES_UNKNOWN;
            case WRITE_STRING_RESULT:
                return result instanceof String ? Utf8.length((String) result) : SerializationCallEvent.BYTES_UNKNOWN;
            case WRITE_BYTESTRING_RESULT:
                return known(SIZE.getLong(result));
            case WRITE_STREAM:
                return c.countingOut.count();
            case READ_BYTES:
                return c.target instanceof byte[] ? ((byte[]) c.target).length : SerializationCallEvent.BYTES_UNKNOWN;
            case READ_BYTES_RANGE:
            case READ_BYTEBUFFER:
                return c.startBytes;
            case READ_STRING:
                return c.target instanceof String ? Utf8.length((String) c.target) : SerializationCallEvent.BYTES_UNKNOWN;
            case READ_BYTESTRING:
                return known(SIZE.getLong(c.target));
            case READ_STREAM:
                return c.countingIn.count();
            case WRITE_FILE:
            case READ_FILE:
                return c.target instanceof File ? ((File) c.target).length() : SerializationCallEvent.BYTES_UNKNOWN;
            default:
                return SerializationCallEvent.BYTES_UNKNOWN;
        }
    }

    private static long writtenHash(int kind, Call c, Object result) {
        if (!CurrentSettings.serializationContentHash) {
            return 0;
        }
        if (kind == WRITE_STREAM && c.hashing) {
            return c.countingOut.stopHash();
        }
        if (kind == WRITE_BYTES_RESULT && result instanceof byte[]) {
            byte[] bytes = (byte[]) result;
            return CountingOutputStream.fingerprint(bytes, 0, bytes.length);
        }
        return 0;
    }

    private String channel(int kind, Call c) throws Throwable {
        switch (kind) {
            case WRITE_KRYO: {
                Object stream = OUTPUT_STREAM.getObject(c.target);
                return stream instanceof OutputStream ? channels.ofOutput(stream, (OutputStream) stream) : Channels.MEMORY;
            }
            case READ_KRYO: {
                Object stream = INPUT_STREAM.getObject(c.target);
                return stream instanceof InputStream ? channels.ofInput(stream, (InputStream) stream) : Channels.MEMORY;
            }
            case WRITE_STREAM: {
                OutputStream stream = c.countingOut.target();
                return channels.ofOutput(stream, stream);
            }
            case READ_STREAM: {
                InputStream stream = c.countingIn.source();
                return channels.ofInput(stream, stream);
            }
            case WRITE_FILE:
            case READ_FILE:
                return Channels.file(c.target);
            case WRITE_BYTES_RESULT:
            case WRITE_STRING_RESULT:
            case WRITE_BYTESTRING_RESULT:
            case READ_BYTES:
            case READ_BYTES_RANGE:
            case READ_STRING:
            case READ_BYTESTRING:
            case READ_BYTEBUFFER:
                return Channels.MEMORY;
            default:
                return Channels.unknown(c.target);
        }
    }

    /** The Kryo Output/Input, or the application's stream: the same for all calls on it; 0 for calls on memory. */
    private static long streamId(int kind, Object target) {
        boolean stream = kind == WRITE_KRYO || kind == READ_KRYO || kind == WRITE_STREAM || kind == READ_STREAM;
        return stream && target != null ? System.identityHashCode(target) & UNSIGNED_INT : 0;
    }

    private void fill(SerializationCallEvent event, int framework, Class<?> rootClass, long bytes, Object root,
                      Throwable thrown) {
        event.framework = frameworks.name(framework);
        event.rootClass = rootClass;
        event.rootClassName = StableClassNames.of(rootClass);
        event.bytes = bytes;
        // Frameworks have no stream handles or class descriptors in the java serialization sense.
        event.objects = 0;
        event.classDescriptors = 0;
        event.classDescriptorBytes = 0;
        event.identity = root == null ? 0 : System.identityHashCode(root) & UNSIGNED_INT;
        event.failure = thrown == null ? null : thrown.getClass().getName();
        event.store = Stores.current();
        event.callId = callIds.incrementAndGet();
    }

    private static long total(Object kryoStream) throws Throwable {
        return known(TOTAL.getLong(kryoStream));
    }

    private static long known(long value) {
        return value == Members.MISSING ? SerializationCallEvent.BYTES_UNKNOWN : value;
    }

    private static long delta(long start, long end) {
        return start < 0 || end < 0 ? SerializationCallEvent.BYTES_UNKNOWN : end - start;
    }

    @Override
    public void forgetCall() {
        serializerCalls.listener().forget();
        Call c = calls.get();
        c.depth = 0;
        c.open.frameworks = 0;
        c.insideJava = false;
        if (c.traced) {
            tracer.releaseIfHeld();
        }
        c.clear();
    }

    @Override
    public boolean traceObject(Object writer, Object object) throws Throwable {
        if (!tracer.writesTo(writer)) {
            return false;
        }
        tracer.objectEnter(position(writer), object);
        return true;
    }

    @Override
    public boolean traceField(Object writer, Object member, Object bean) throws Throwable {
        if (!tracer.writesTo(writer)) {
            return false;
        }
        if (member instanceof Field) {
            Field field = (Field) member;
            tracer.fieldEnter(position(writer), field.getName(), field.getDeclaringClass(), bean);
        } else {
            Object declaring = DECLARING_CLASS.getObject(PROPERTY_MEMBER.getObject(member));
            tracer.fieldEnter(position(writer), String.valueOf(PROPERTY_NAME.getObject(member)),
                    declaring instanceof Class ? (Class<?>) declaring : bean == null ? null : bean.getClass(), bean);
        }
        return true;
    }

    @Override
    public void traceExit(Object writer) throws Throwable {
        tracer.exit(position(writer));
    }

    @Override
    public void traceValue(Object value) {
        tracer.value(value);
    }

    /** Bytes the traced call's writer has taken so far; -1 when they cannot be seen. */
    private long position(Object writer) throws Throwable {
        if (tracing == TracedAs.OUTPUT_TOTAL) {
            return total(writer);
        }
        Object target = OUTPUT_TARGET.getObject(writer);
        long flushed = target instanceof CountingOutputStream ? ((CountingOutputStream) target).count() : SIZE.getLong(target);
        long buffered = OUTPUT_BUFFERED.getLong(writer);
        // A generator that cannot say what it buffers (-1, as XML's does) gives no positions.
        return flushed < 0 || buffered < 0 ? -1 : flushed + buffered;
    }

    @Override
    public void hookFailed(int site, String direction, Throwable failure) {
        errors.report(site < 0 ? direction : frameworks.name(FrameworkBridge.framework(site)) + " " + direction, failure);
    }
}
