package dev.serialscope.boot;

import java.io.IOException;
import java.io.InputStream;

import jdk.jfr.Event;

/**
 * What the advice inlined into Kryo, Jackson and Protobuf calls: the counterpart of {@link Bridge}
 * for third-party serializers. Loaded by the bootstrap loader, so the advice resolves it from any
 * class loader the libraries live in, while the agent never links against the libraries. The idle
 * path is one volatile read ({@link #writeActive}/{@link #readActive}); every call into the agent
 * is guarded, and a hook that fails is switched off for that framework and direction for good.
 *
 * <p>A <em>site</em> ({@code framework << 8 | kind}) is a constant bound into each piece of advice
 * and tells the agent which framework it is and how to measure the call. Enter methods return a token for the matching exit:
 * {@code null} means "not measured, do not call exit".
 */
public final class FrameworkBridge {

    /** Frameworks are numbered 0 .. MAX_FRAMEWORKS - 1: one bit each in the switched-off masks. */
    public static final int MAX_FRAMEWORKS = 32;

    /** True while a recording wants third-party serialization (write) data. */
    public static volatile boolean writeActive;
    /** True while a recording wants third-party deserialization (read) data. */
    public static volatile boolean readActive;

    /** The one thread, if any, that traces a sampled write field by field (Kryo, Jackson). */
    public static volatile Thread tracingThread;

    private static volatile Hooks hooks;
    private static volatile boolean tracingBroken;
    /** Bit {@code framework} set: that framework's writes (reads) failed in the agent and are off. */
    private static volatile int writeBroken;
    private static volatile int readBroken;

    private FrameworkBridge() {
    }

    public static int site(int framework, int kind) {
        return framework << 8 | kind;
    }

    public static int framework(int site) {
        return site >>> 8;
    }

    public static int kind(int site) {
        return site & 0xff;
    }

    public static void install(Hooks frameworkHooks) {
        hooks = frameworkHooks;
    }

    /** Applies what the running recordings ask for. */
    public static void activate(boolean write, boolean read) {
        writeActive = write && hooks != null;
        readActive = read && hooks != null;
    }

    /**
     * A write call starts. {@code target} is where the bytes go (Kryo Output, OutputStream, File,
     * Writer, ...; null when the call returns them), {@code root} the object written. For stream
     * sites the token is the counting stream the call must write to instead.
     */
    public static Object writeEnter(int site, Object self, Object target, Object root) {
        Hooks h = hooks;
        if (h == null || (writeBroken & 1 << framework(site)) != 0) {
            return null;
        }
        try {
            return h.writeEnter(site, self, target, root);
        } catch (Throwable t) {
            writeFailed(site, t);
            return null;
        }
    }

    /**
     * A write call ends. Returns its per-call event for the advice to commit, then {@link #writeCommitted}, or null:
     * committed inside the library's method, the event's stack trace starts there, with no frame of the agent.
     */
    public static Event writeExit(int site, Object token, Object result, Throwable thrown) {
        try {
            return (Event) hooks.writeExit(site, token, result, thrown);
        } catch (Throwable t) {
            writeFailed(site, t);
            return null;
        }
    }

    /**
     * A read call starts. {@code source} is where the bytes come from; {@code length} the length
     * argument of (byte[], offset, length) sites, else 0. For stream sites the token is the
     * counting stream the call must read from instead.
     */
    public static Object readEnter(int site, Object self, Object source, int length) {
        Hooks h = hooks;
        if (h == null || (readBroken & 1 << framework(site)) != 0) {
            return null;
        }
        try {
            return h.readEnter(site, self, source, length);
        } catch (Throwable t) {
            readFailed(site, t);
            return null;
        }
    }

    /** A read call ends; as {@link #writeExit}. */
    public static Event readExit(int site, Object token, Object result, Throwable thrown) {
        try {
            return (Event) hooks.readExit(site, token, result, thrown);
        } catch (Throwable t) {
            readFailed(site, t);
            return null;
        }
    }

    /** After the advice committed the event that {@link #writeExit} returned. */
    public static void writeCommitted(int site, Event event) {
        try {
            hooks.committed(event);
        } catch (Throwable t) {
            writeFailed(site, t);
        }
    }

    /** After the advice committed the event that {@link #readExit} returned. */
    public static void readCommitted(int site, Event event) {
        try {
            hooks.committed(event);
        } catch (Throwable t) {
            readFailed(site, t);
        }
    }

    /**
     * The tracing thread writes an object ({@code writer} the Kryo Output): returns whether it is traced, then
     * {@link #traceExit} follows.
     */
    public static boolean traceObject(Object writer, Object object) {
        try {
            return hooks.traceObject(writer, object);
        } catch (Throwable t) {
            tracingFailed(t);
            return false;
        }
    }

    /**
     * The tracing thread writes a field ({@code member} a java.lang.reflect.Field or Jackson's
     * BeanPropertyWriter) of {@code bean} (null when not known) to {@code writer} (a Kryo Output, a Jackson
     * JsonGenerator): returns whether it is traced, then {@link #traceExit} follows.
     */
    public static boolean traceField(Object writer, Object member, Object bean) {
        try {
            return hooks.traceField(writer, member, bean);
        } catch (Throwable t) {
            tracingFailed(t);
            return false;
        }
    }

    public static void traceExit(Object writer) {
        try {
            hooks.traceExit(writer);
        } catch (Throwable t) {
            tracingFailed(t);
        }
    }

    /** The tracing thread starts writing {@code value} as a JSON object or array (Jackson). */
    public static void traceValue(Object value) {
        try {
            hooks.traceValue(value);
        } catch (Throwable t) {
            tracingFailed(t);
        }
    }

    /** Tracing is given up for good; the calls themselves go on being measured. */
    public static void tracingFailed(Throwable t) {
        tracingBroken = true;
        tracingThread = null;
        try {
            hooks.hookFailed(-1, "composition tracing", t);
        } catch (Throwable ignored) {
            // Reporting is best effort; tracing is already off.
        }
    }

    public static boolean tracingAllowed() {
        return !tracingBroken;
    }

    private static void writeFailed(int site, Throwable t) {
        synchronized (FrameworkBridge.class) {
            writeBroken |= 1 << framework(site);
        }
        forgetCall();
        report(site, "write", t);
    }

    private static void readFailed(int site, Throwable t) {
        synchronized (FrameworkBridge.class) {
            readBroken |= 1 << framework(site);
        }
        forgetCall();
        report(site, "read", t);
    }

    /** A failed hook may have left this thread "inside" a call, which would hide the other frameworks' calls. */
    private static void forgetCall() {
        try {
            hooks.forgetCall();
        } catch (Throwable ignored) {
            // Nothing more to do.
        }
    }

    private static void report(int site, String direction, Throwable failure) {
        try {
            hooks.hookFailed(site, direction, failure);
        } catch (Throwable ignored) {
            // Reporting is best effort; the hook is already off.
        }
    }

    /** Implemented by the agent; see the static methods of the same names. */
    public interface Hooks {

        Object writeEnter(int site, Object self, Object target, Object root) throws Throwable;

        /** Returns the call's filled per-call event, or null when it writes none. */
        Object writeExit(int site, Object token, Object result, Throwable thrown) throws Throwable;

        Object readEnter(int site, Object self, Object source, int length) throws Throwable;

        Object readExit(int site, Object token, Object result, Throwable thrown) throws Throwable;

        /** The advice committed the event: the pooled event lets go of the classes it names. */
        void committed(Object event) throws Throwable;

        /** Forgets the calling thread's call in progress, after a hook failed on it. */
        void forgetCall();

        boolean traceObject(Object writer, Object object) throws Throwable;

        boolean traceField(Object writer, Object member, Object bean) throws Throwable;

        void traceExit(Object writer) throws Throwable;

        void traceValue(Object value) throws Throwable;

        /** A hook failed and has been switched off; report it once ({@code site} -1: composition tracing, of any framework). */
        void hookFailed(int site, String direction, Throwable failure);
    }

    /**
     * Sits between a framework and the InputStream the application gave it, counting the bytes
     * the framework took from it (read-ahead included: those bytes are gone from the stream).
     * Every call is passed on unchanged, exceptions included; mark/reset is followed.
     */
    public static final class CountingInputStream extends InputStream {

        private final InputStream in;
        private long count;
        private long mark = -1;

        public CountingInputStream(InputStream in) {
            this.in = in;
        }

        public InputStream source() {
            return in;
        }

        public long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            if (skipped > 0) {
                count += skipped;
            }
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean markSupported() {
            return in.markSupported();
        }

        @Override
        public synchronized void mark(int readlimit) {
            in.mark(readlimit);
            mark = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.reset();
            if (mark >= 0) {
                count = mark;
            }
        }
    }
}
