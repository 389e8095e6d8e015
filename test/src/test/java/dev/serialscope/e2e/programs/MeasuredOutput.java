package dev.serialscope.e2e.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * An ObjectOutputStream over memory that logs an {@link ExpectedCall} for every top-level call,
 * with the number of bytes the underlying ByteArrayOutputStream really grew by.
 *
 * <p>Primitive data written before a call sits in the stream's block-data buffer and is flushed
 * at the start of the next writeObject, inside that call, but it is not part of the call's object.
 * A twin stream receives the same primitives and is flushed instead: its growth is exactly the
 * block data (headers included) to subtract. The twin never writes objects, so it makes no events.
 */
public final class MeasuredOutput {

    private final ExpectationLog log;
    private final String stream;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ObjectOutputStream out;
    private final ByteArrayOutputStream twinBytes = new ByteArrayOutputStream();
    private final ObjectOutputStream twin;

    public MeasuredOutput(ExpectationLog log, String stream) {
        this.log = log;
        this.stream = stream;
        try {
            out = new ObjectOutputStream(bytes);
            twin = new ObjectOutputStream(twinBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** writeObject, expecting the given counts; null means "not checked". */
    public void writeObject(Object root, Integer objects, Integer classDescriptors) throws IOException {
        long pending = pendingPrimitiveBytes();
        int before = bytes.size();
        out.writeObject(root);
        log.add(call(root, bytes.size() - before - pending, objects, classDescriptors, ""));
    }

    public void writeUnshared(Object root, Integer objects, Integer classDescriptors) throws IOException {
        long pending = pendingPrimitiveBytes();
        int before = bytes.size();
        out.writeUnshared(root);
        log.add(call(root, bytes.size() - before - pending, objects, classDescriptors, ""));
    }

    /** writeObject that must throw; returns what the application caught, for the caller to inspect. */
    public Exception writeObjectFailing(Object root) {
        long pending = pendingPrimitiveBytes();
        int before = bytes.size();
        try {
            out.writeObject(root);
        } catch (Exception e) {
            log.add(call(root, bytes.size() - before - pending, null, null, e.getClass().getName()));
            return e;
        }
        throw new AssertionError("writing " + root.getClass().getName() + " did not fail");
    }

    public void writeInt(int value) throws IOException {
        out.writeInt(value);
        twin.writeInt(value);
    }

    public void writeLong(long value) throws IOException {
        out.writeLong(value);
        twin.writeLong(value);
    }

    public void writeUTF(String value) throws IOException {
        out.writeUTF(value);
        twin.writeUTF(value);
    }

    /** Also flushes pending primitives (and writes TC_RESET) outside any writeObject call. */
    public void reset() throws IOException {
        out.reset();
        twin.flush();
    }

    public byte[] toByteArray() throws IOException {
        out.flush();
        return bytes.toByteArray();
    }

    private long pendingPrimitiveBytes() {
        int before = twinBytes.size();
        try {
            twin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return twinBytes.size() - before;
    }

    private ExpectedCall call(Object root, long callBytes, Integer objects, Integer classDescriptors, String failure) {
        return new ExpectedCall(ExpectedCall.SELF, Thread.currentThread().getName(), ExpectedCall.SERIALIZATION,
                root == null ? "" : root.getClass().getName(), callBytes, objects, classDescriptors,
                root == null ? null : System.identityHashCode(root), "memory", stream, failure, null);
    }
}
