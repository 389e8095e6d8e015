package dev.serialscope.probe.frameworks;

import static dev.serialscope.boot.FrameworkBridge.READ_BYTEBUFFER;
import static dev.serialscope.boot.FrameworkBridge.READ_BYTES;
import static dev.serialscope.boot.FrameworkBridge.READ_BYTESTRING;
import static dev.serialscope.boot.FrameworkBridge.READ_BYTES_RANGE;
import static dev.serialscope.boot.FrameworkBridge.READ_FILE;
import static dev.serialscope.boot.FrameworkBridge.READ_KRYO;
import static dev.serialscope.boot.FrameworkBridge.READ_STREAM;
import static dev.serialscope.boot.FrameworkBridge.READ_STRING;
import static dev.serialscope.boot.FrameworkBridge.WRITE_BYTESTRING_RESULT;
import static dev.serialscope.boot.FrameworkBridge.WRITE_BYTES_RESULT;
import static dev.serialscope.boot.FrameworkBridge.WRITE_FILE;
import static dev.serialscope.boot.FrameworkBridge.WRITE_KRYO;
import static dev.serialscope.boot.FrameworkBridge.WRITE_STREAM;
import static dev.serialscope.boot.FrameworkBridge.WRITE_STRING_RESULT;

import dev.serialscope.boot.CountingOutputStream;
import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.events.CurrentSettings;
import dev.serialscope.probe.CallTiming;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationCallEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.probe.ThreadCounts;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Measures each top-level Kryo, Jackson and Protobuf call: exact bytes, time, channel; adds it to
 * the statistics of its framework and, past the thresholds, writes the same per-call events as
 * java serialization with {@code framework} set. A call made while another framework call runs on
 * the same thread (a Jackson serializer calling the mapper, a Kryo serializer calling Jackson, a
 * parser's overloads calling each other) belongs to the outer call. Allocation-free unless a
 * stream must be counted or an event is written; no locks.
 */
public final class FrameworkProbe implements FrameworkBridge.Hooks {

    private static final long UNSIGNED_INT = 0xFFFF_FFFFL;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Token of a call nested in another framework call: only the depth is kept. */
    private static final Object NESTED = new Object();

    private static final Members TOTAL = new Members("total", long.class);
    private static final Members OUTPUT_STREAM = new Members("getOutputStream", Object.class);
    private static final Members INPUT_STREAM = new Members("getInputStream", Object.class);
    private static final Members REGISTRATION_REQUIRED = new Members("isRegistrationRequired", boolean.class);
    private static final Members SIZE = new Members("size", long.class);

    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);
    private final FrameworkRecording recording;

    public FrameworkProbe(FrameworkRecording recording) {
        this.recording = recording;
    }

    /** One thread's top-level framework call in progress, reused, and the thread's statistics counts. */
    private static final class Call {
        final ThreadCounts[] writeCounts = new ThreadCounts[Frameworks.count()];
        final ThreadCounts[] readCounts = new ThreadCounts[Frameworks.count()];
        final CallTiming timing = new CallTiming(System.identityHashCode(this));
        int depth;
        long startNanos;
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
            self = null;
            target = null;
            root = null;
            countingOut = null;
            countingIn = null;
        }
    }

    @Override
    public Object writeEnter(int site, Object self, Object target, Object root) throws Throwable {
        Call c = calls.get();
        if (c.depth > 0) {
            c.depth++;
            return NESTED;
        }
        Object token = c;
        long start = 0;
        int kind = FrameworkBridge.kind(site);
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
            } else {
                c.hashing = false;
            }
            c.countingOut = counting;
            token = counting;
        }
        c.start(self, target, root, start, events ? c.serializationEvent() : null);
        return token;
    }

    @Override
    public void writeExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        Call c = endedCall(token);
        if (c == null) {
            return;
        }
        long nanos = c.timeWeight > 0 ? System.nanoTime() - c.startNanos : CallTiming.UNTIMED;
        try {
            int framework = FrameworkBridge.framework(site);
            int kind = FrameworkBridge.kind(site);
            long bytes = writtenBytes(kind, c, result);
            Class<?> rootClass = c.root == null ? null : c.root.getClass();
            if (recording.statistics()) {
                if (c.writeCounts[framework] == null) {
                    c.writeCounts[framework] = recording.writeCounts(framework);
                }
                c.writeCounts[framework].add(rootClass, bytes, nanos, c.timeWeight, thrown != null);
            }
            if (c.eventStarted) {
                SerializationEvent event = c.serialization;
                if (CallTiming.passes(bytes, nanos, CurrentSettings.serializationMinBytes, CurrentSettings.serializationMinNanos)) {
                    event.end();
                    fill(event, framework, rootClass, bytes, c.root, thrown);
                    event.contentHash = writtenHash(kind, c, result);
                    event.channel = writeChannel(kind, c);
                    event.streamId = streamId(kind, c.target);
                    event.commit();
                    event.rootClass = null;
                    event.channel = null;
                }
            } else if (c.hashing) {
                c.countingOut.stopHash();
            }
        } finally {
            c.clear();
        }
    }

    /**
     * The top-level call {@code token} belongs to, no longer in progress whatever fails next; null
     * for a nested call, of which only the depth is kept.
     */
    private Call endedCall(Object token) {
        // Stream sites hand out the counting stream as their token; every other top-level call, the Call.
        Call c = token instanceof Call ? (Call) token : calls.get();
        if (token == NESTED) {
            c.depth = Math.max(0, c.depth - 1);
            return null;
        }
        c.depth = 0;
        return c;
    }

    @Override
    public Object readEnter(int site, Object self, Object source, int length) throws Throwable {
        Call c = calls.get();
        if (c.depth > 0) {
            c.depth++;
            return NESTED;
        }
        Object token = c;
        long start = 0;
        switch (FrameworkBridge.kind(site)) {
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
    public void readExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        Call c = endedCall(token);
        if (c == null) {
            return;
        }
        long nanos = c.timeWeight > 0 ? System.nanoTime() - c.startNanos : CallTiming.UNTIMED;
        try {
            int framework = FrameworkBridge.framework(site);
            int kind = FrameworkBridge.kind(site);
            long bytes = readBytes(kind, c);
            Class<?> rootClass = result == null ? null : result.getClass();
            if (recording.statistics()) {
                if (c.readCounts[framework] == null) {
                    c.readCounts[framework] = recording.readCounts(framework);
                }
                c.readCounts[framework].add(rootClass, bytes, nanos, c.timeWeight, thrown != null);
            }
            if (c.eventStarted) {
                DeserializationEvent event = c.deserialization;
                if (CallTiming.passes(bytes, nanos, CurrentSettings.deserializationMinBytes, CurrentSettings.deserializationMinNanos)) {
                    event.end();
                    fill(event, framework, rootClass, bytes, result, thrown);
                    event.contentHash = 0;
                    event.filtered = kind == READ_KRYO && REGISTRATION_REQUIRED.getBoolean(c.self);
                    event.channel = readChannel(kind, c);
                    event.streamId = streamId(kind, c.target);
                    event.commit();
                    event.rootClass = null;
                    event.channel = null;
                }
            }
        } finally {
            c.clear();
        }
    }

    private static long writtenBytes(int kind, Call c, Object result) throws Throwable {
        switch (kind) {
            case WRITE_KRYO:
                return delta(c.startBytes, total(c.target));
            case WRITE_BYTES_RESULT:
                return result instanceof byte[] ? ((byte[]) result).length : SerializationCallEvent.BYTES_UNKNOWN;
            case WRITE_STRING_RESULT:
                return result instanceof String ? Utf8.length((String) result) : SerializationCallEvent.BYTES_UNKNOWN;
            case WRITE_BYTESTRING_RESULT:
                return known(SIZE.getLong(result));
            case WRITE_STREAM:
                return c.countingOut.count();
            case WRITE_FILE:
                return c.target instanceof File ? ((File) c.target).length() : SerializationCallEvent.BYTES_UNKNOWN;
            default:
                return SerializationCallEvent.BYTES_UNKNOWN;
        }
    }

    private static long readBytes(int kind, Call c) throws Throwable {
        switch (kind) {
            case READ_KRYO:
                return delta(c.startBytes, total(c.target));
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
            long hash = FNV_OFFSET;
            for (byte b : (byte[]) result) {
                hash = (hash ^ (b & 0xff)) * FNV_PRIME;
            }
            return hash;
        }
        return 0;
    }

    private String writeChannel(int kind, Call c) throws Throwable {
        switch (kind) {
            case WRITE_KRYO: {
                Object stream = OUTPUT_STREAM.getObject(c.target);
                return stream instanceof OutputStream ? recording.outputChannel((OutputStream) stream) : Channel.MEMORY;
            }
            case WRITE_STREAM:
                return recording.outputChannel(c.countingOut.target());
            case WRITE_FILE:
                return Channel.file(c.target);
            case WRITE_BYTES_RESULT:
            case WRITE_STRING_RESULT:
            case WRITE_BYTESTRING_RESULT:
                return Channel.MEMORY;
            default:
                return Channel.unknown(c.target);
        }
    }

    private String readChannel(int kind, Call c) throws Throwable {
        switch (kind) {
            case READ_KRYO: {
                Object stream = INPUT_STREAM.getObject(c.target);
                return stream instanceof InputStream ? recording.inputChannel((InputStream) stream) : Channel.MEMORY;
            }
            case READ_STREAM:
                return recording.inputChannel(c.countingIn.source());
            case READ_FILE:
                return Channel.file(c.target);
            case READ_BYTES:
            case READ_BYTES_RANGE:
            case READ_STRING:
            case READ_BYTESTRING:
            case READ_BYTEBUFFER:
                return Channel.MEMORY;
            default:
                return Channel.unknown(c.target);
        }
    }

    /** The Kryo Output/Input, or the application's stream: the same for all calls on it; 0 for calls on memory. */
    private static long streamId(int kind, Object target) {
        boolean stream = kind == WRITE_KRYO || kind == READ_KRYO || kind == WRITE_STREAM || kind == READ_STREAM;
        return stream && target != null ? System.identityHashCode(target) & UNSIGNED_INT : 0;
    }

    private void fill(SerializationCallEvent event, int framework, Class<?> rootClass, long bytes, Object root,
                      Throwable thrown) {
        event.framework = Frameworks.name(framework);
        event.rootClass = rootClass;
        event.bytes = bytes;
        // Frameworks have no stream handles or class descriptors in the java serialization sense.
        event.objects = 0;
        event.classDescriptors = 0;
        event.classDescriptorBytes = 0;
        event.identity = root == null ? 0 : System.identityHashCode(root) & UNSIGNED_INT;
        event.failure = thrown == null ? null : thrown.getClass().getName();
        event.callId = recording.nextCallId();
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
        Call c = calls.get();
        c.depth = 0;
        c.clear();
    }

    @Override
    public void hookFailed(int site, String direction, Throwable failure) {
        recording.report(Frameworks.name(FrameworkBridge.framework(site)) + " " + direction, failure);
    }
}
