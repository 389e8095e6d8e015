package dev.serialscope.boot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Sits between an ObjectOutputStream and the stream the application gave it, counting the bytes
 * that really leave the ObjectOutputStream and, while asked to, fingerprinting them. Every call is
 * passed on unchanged, exceptions included. Since every byte of the ObjectOutputStream passes
 * here (its header, resets and the tail a flush sends, too), this is also where channel I/O is
 * marked as serialized data.
 */
public final class CountingOutputStream extends OutputStream {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final OutputStream out;
    /** True under an ObjectOutputStream; a framework call marks its I/O for itself. */
    private final boolean marksObjectStreamIo;
    private long count;
    private boolean hashing;
    private long hashSkip;
    private long hash;
    /** Channel name, computed once by the agent when first needed. */
    public String channel;
    /**
     * Top-level calls in progress on the ObjectOutputStream: the I/O they cause is attributed to
     * them already, so only bytes that leave between calls need marking here.
     */
    public int callsInProgress;
    /** Top-level calls made on the ObjectOutputStream so far: the first one tells a new stream. */
    public long calls;

    public CountingOutputStream(OutputStream out, boolean underObjectOutputStream) {
        this.out = out;
        this.marksObjectStreamIo = underObjectOutputStream;
    }

    public OutputStream target() {
        return out;
    }

    public long count() {
        return count;
    }

    /** Fingerprints what is written from now on, except the first {@code skip} bytes. */
    public void startHash(long skip) {
        hashing = true;
        hashSkip = skip;
        hash = FNV_OFFSET;
    }

    public long stopHash() {
        hashing = false;
        return hash;
    }

    /**
     * Marks this thread's channel I/O as serialized data while bytes leave (drain) or the stream
     * below is flushed or closed (flush); returns what {@link #unmark} needs, null when nothing is marked.
     */
    private Object mark(int kind) {
        boolean outsideCalls = kind == IpcBridge.JAVA_FLUSH || callsInProgress == 0;
        return marksObjectStreamIo && outsideCalls && IpcBridge.active ? IpcBridge.contextEnter(kind, null) : null;
    }

    private static void unmark(int kind, Object context) {
        if (context != null) {
            IpcBridge.contextExit(kind, context);
        }
    }

    @Override
    public void write(int b) throws IOException {
        Object context = mark(IpcBridge.JAVA_DRAIN);
        try {
            out.write(b);
        } finally {
            unmark(IpcBridge.JAVA_DRAIN, context);
        }
        count++;
        if (hashing) {
            hashByte(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Object context = mark(IpcBridge.JAVA_DRAIN);
        try {
            out.write(b, off, len);
        } finally {
            unmark(IpcBridge.JAVA_DRAIN, context);
        }
        count += len;
        if (hashing) {
            for (int i = 0; i < len; i++) {
                hashByte(b[off + i]);
            }
        }
    }

    private void hashByte(int b) {
        if (hashSkip > 0) {
            hashSkip--;
            return;
        }
        hash = step(hash, b);
    }

    /** The fingerprint of these bytes: the one a call that wrote exactly them gets (64-bit FNV-1a). */
    public static long fingerprint(byte[] bytes, int offset, int length) {
        long fingerprint = FNV_OFFSET;
        for (int i = offset; i < offset + length; i++) {
            fingerprint = step(fingerprint, bytes[i]);
        }
        return fingerprint;
    }

    private static long step(long hash, int b) {
        return (hash ^ (b & 0xff)) * FNV_PRIME;
    }

    @Override
    public void flush() throws IOException {
        Object context = mark(IpcBridge.JAVA_FLUSH);
        try {
            out.flush();
        } finally {
            unmark(IpcBridge.JAVA_FLUSH, context);
        }
    }

    @Override
    public void close() throws IOException {
        Object context = mark(IpcBridge.JAVA_FLUSH);
        try {
            out.close();
        } finally {
            unmark(IpcBridge.JAVA_FLUSH, context);
        }
    }
}
