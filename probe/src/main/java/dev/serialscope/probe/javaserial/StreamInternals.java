package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.CountingOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Reads the private state of ObjectOutputStream and ObjectInputStream that tells how many bytes
 * and handles a call produced. The layout is the same on JDK 17 and 25; the agent opens java.io to
 * itself before this class is initialised.
 */
final class StreamInternals {

    private static final VarHandle OUT_BLOCK_STREAM;
    private static final VarHandle OUT_HANDLES;
    private static final VarHandle OUT_HANDLE_COUNT;
    private static final VarHandle BLOCK_TARGET;
    private static final VarHandle BLOCK_PENDING;
    private static final VarHandle BLOCK_MODE;
    private static final VarHandle IN_BLOCK_STREAM;
    private static final VarHandle IN_PEEK_STREAM;
    private static final VarHandle PEEK_BYTES_READ;
    private static final VarHandle PEEK_SOURCE;
    private static final VarHandle IN_HANDLES;
    private static final VarHandle IN_HANDLE_COUNT;
    private static final VarHandle IN_FILTER;
    private static final VarHandle ARRAY_BYTES;
    private static final VarHandle ARRAY_POSITION;

    /** Block-data header sizes (TC_BLOCKDATA with a byte length, TC_BLOCKDATALONG with an int). */
    private static final int SHORT_BLOCK_HEADER = 2;
    private static final int LONG_BLOCK_HEADER = 5;
    private static final int MAX_SHORT_BLOCK = 0xFF;

    static {
        try {
            MethodHandles.Lookup out = MethodHandles.privateLookupIn(ObjectOutputStream.class, MethodHandles.lookup());
            Class<?> blockOut = Class.forName("java.io.ObjectOutputStream$BlockDataOutputStream");
            Class<?> outHandles = Class.forName("java.io.ObjectOutputStream$HandleTable");
            OUT_BLOCK_STREAM = out.findVarHandle(ObjectOutputStream.class, "bout", blockOut);
            OUT_HANDLES = out.findVarHandle(ObjectOutputStream.class, "handles", outHandles);
            MethodHandles.Lookup blockLookup = MethodHandles.privateLookupIn(blockOut, MethodHandles.lookup());
            BLOCK_TARGET = blockLookup.findVarHandle(blockOut, "out", OutputStream.class);
            BLOCK_PENDING = blockLookup.findVarHandle(blockOut, "pos", int.class);
            BLOCK_MODE = blockLookup.findVarHandle(blockOut, "blkmode", boolean.class);
            OUT_HANDLE_COUNT = MethodHandles.privateLookupIn(outHandles, MethodHandles.lookup())
                    .findVarHandle(outHandles, "size", int.class);

            MethodHandles.Lookup in = MethodHandles.privateLookupIn(ObjectInputStream.class, MethodHandles.lookup());
            Class<?> blockIn = Class.forName("java.io.ObjectInputStream$BlockDataInputStream");
            Class<?> peekIn = Class.forName("java.io.ObjectInputStream$PeekInputStream");
            Class<?> inHandles = Class.forName("java.io.ObjectInputStream$HandleTable");
            IN_BLOCK_STREAM = in.findVarHandle(ObjectInputStream.class, "bin", blockIn);
            IN_HANDLES = in.findVarHandle(ObjectInputStream.class, "handles", inHandles);
            IN_FILTER = in.findVarHandle(ObjectInputStream.class, "serialFilter", ObjectInputFilter.class);
            IN_PEEK_STREAM = MethodHandles.privateLookupIn(blockIn, MethodHandles.lookup())
                    .findVarHandle(blockIn, "in", peekIn);
            MethodHandles.Lookup peekLookup = MethodHandles.privateLookupIn(peekIn, MethodHandles.lookup());
            PEEK_BYTES_READ = peekLookup.findVarHandle(peekIn, "totalBytesRead", long.class);
            PEEK_SOURCE = peekLookup.findVarHandle(peekIn, "in", InputStream.class);
            IN_HANDLE_COUNT = MethodHandles.privateLookupIn(inHandles, MethodHandles.lookup())
                    .findVarHandle(inHandles, "size", int.class);
            MethodHandles.Lookup array = MethodHandles.privateLookupIn(ByteArrayInputStream.class, MethodHandles.lookup());
            ARRAY_BYTES = array.findVarHandle(ByteArrayInputStream.class, "buf", byte[].class);
            ARRAY_POSITION = array.findVarHandle(ByteArrayInputStream.class, "pos", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private StreamInternals() {
    }

    /** The stream under an ObjectOutputStream, or null for subclasses that override writeObject. */
    static OutputStream target(ObjectOutputStream stream) {
        Object block = OUT_BLOCK_STREAM.get(stream);
        return block == null ? null : (OutputStream) BLOCK_TARGET.get(block);
    }

    /**
     * Bytes of primitive data still buffered in the stream: they leave it, with their block-data
     * header, inside the next writeObject, but they belong to the writes before it.
     */
    static int pendingBytes(ObjectOutputStream stream) {
        Object block = OUT_BLOCK_STREAM.get(stream);
        int pending = (int) BLOCK_PENDING.get(block);
        if (pending == 0 || !(boolean) BLOCK_MODE.get(block)) {
            return pending;
        }
        return pending + (pending <= MAX_SHORT_BLOCK ? SHORT_BLOCK_HEADER : LONG_BLOCK_HEADER);
    }

    /**
     * Bytes the stream has produced so far: counted by the wrapper plus still buffered; -1 when
     * the stream is not counted. Exact in the non-block mode in which class descriptors are written.
     */
    static long position(ObjectOutputStream stream) {
        Object block = OUT_BLOCK_STREAM.get(stream);
        Object target = BLOCK_TARGET.get(block);
        if (!(target instanceof CountingOutputStream)) {
            return -1;
        }
        return ((CountingOutputStream) target).count() + (int) BLOCK_PENDING.get(block);
    }

    static int handleCount(ObjectOutputStream stream) {
        Object handles = OUT_HANDLES.get(stream);
        return handles == null ? 0 : (int) OUT_HANDLE_COUNT.get(handles);
    }

    /** Bytes the ObjectInputStream has consumed from its source, or -1 for overriding subclasses. */
    static long bytesRead(ObjectInputStream stream) {
        Object block = IN_BLOCK_STREAM.get(stream);
        return block == null ? -1 : (long) PEEK_BYTES_READ.get(IN_PEEK_STREAM.get(block));
    }

    static InputStream source(ObjectInputStream stream) {
        Object block = IN_BLOCK_STREAM.get(stream);
        return block == null ? null : (InputStream) PEEK_SOURCE.get(IN_PEEK_STREAM.get(block));
    }

    /**
     * The fingerprint of the last {@code bytes} bytes the stream took from its source, when that is a byte array
     * read directly (a ByteArrayInputStream's position is where the ObjectInputStream stopped): the fingerprint a
     * write of those bytes gets. 0 for any other source, whose bytes are gone.
     */
    static long consumedHash(ObjectInputStream stream, long bytes) {
        InputStream source = source(stream);
        if (source == null || source.getClass() != ByteArrayInputStream.class || bytes <= 0) {
            return 0;
        }
        byte[] array = (byte[]) ARRAY_BYTES.get(source);
        int end = (int) ARRAY_POSITION.get(source);
        long start = end - bytes;
        return start < 0 || end > array.length ? 0 : CountingOutputStream.fingerprint(array, (int) start, (int) bytes);
    }

    static int handleCount(ObjectInputStream stream) {
        Object handles = IN_HANDLES.get(stream);
        return handles == null ? 0 : (int) IN_HANDLE_COUNT.get(handles);
    }

    static boolean filtered(ObjectInputStream stream) {
        return IN_FILTER.get(stream) != null;
    }
}
