package dev.serialscope.e2e.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An ObjectOutputStream over memory that logs an {@link ExpectedCall} for every top-level call,
 * with the number of bytes the underlying ByteArrayOutputStream really grew by and the FNV-1a
 * hash of those bytes.
 *
 * <p>Primitive data written before a call sits in the stream's block-data buffer and is flushed
 * at the start of the next writeObject, inside that call, but it is not part of the call's object.
 * A twin stream receives the same primitives and is flushed instead: its growth is exactly the
 * block data (headers included) to subtract. The twin never writes objects, so it makes no events.
 */
public final class MeasuredOutput {

    /** Creates the ObjectOutputStream under test over the memory stream. */
    @FunctionalInterface
    public interface StreamFactory {
        ObjectOutputStream over(OutputStream target) throws IOException;
    }

    private final ExpectationLog log;
    private final String stream;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ObjectOutputStream out;
    private final ByteArrayOutputStream twinBytes = new ByteArrayOutputStream();
    private final ObjectOutputStream twin;

    public MeasuredOutput(ExpectationLog log, String stream) {
        this(log, stream, ObjectOutputStream::new);
    }

    public MeasuredOutput(ExpectationLog log, String stream, StreamFactory factory) {
        this.log = log;
        this.stream = stream;
        try {
            out = factory.over(bytes);
            twin = new ObjectOutputStream(twinBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** writeObject, expecting the given counts; null means "not checked". */
    public void writeObject(Object root, Integer objects, Integer classDescriptors) throws IOException {
        int start = bytes.size() + pendingPrimitiveBytes();
        out.writeObject(root);
        log.add(call(root, start, objects, classDescriptors, ""));
    }

    public void writeUnshared(Object root, Integer objects, Integer classDescriptors) throws IOException {
        int start = bytes.size() + pendingPrimitiveBytes();
        out.writeUnshared(root);
        log.add(call(root, start, objects, classDescriptors, ""));
    }

    /** writeObject that must throw; returns what the application caught, for the caller to inspect. */
    public Exception writeObjectFailing(Object root) {
        int start = bytes.size() + pendingPrimitiveBytes();
        try {
            out.writeObject(root);
        } catch (Exception e) {
            log.add(call(root, start, null, null, e.getClass().getName()));
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

    public void write(byte[] data) throws IOException {
        out.write(data);
        twin.write(data);
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

    private int pendingPrimitiveBytes() {
        int before = twinBytes.size();
        try {
            twin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return twinBytes.size() - before;
    }

    /** The call's bytes are those from {@code start} (after earlier primitive data) to the end. */
    private ExpectedCall call(Object root, int start, Integer objects, Integer classDescriptors, String failure) {
        byte[] content = bytes.toByteArray();
        long hash = Fingerprint.of(content, start, content.length);
        return new ExpectedCall(ExpectedCall.SELF, Thread.currentThread().getName(), ExpectedCall.SERIALIZATION,
                root == null ? "" : root.getClass().getName(), (long) content.length - start, objects,
                classDescriptors, root == null ? null : System.identityHashCode(root), "memory", hash, stream,
                failure, null);
    }
}
