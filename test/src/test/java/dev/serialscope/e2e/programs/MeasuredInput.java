package dev.serialscope.e2e.programs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;

/**
 * An ObjectInputStream over memory that logs an {@link ExpectedCall} for every top-level read,
 * with the number of bytes the call really took from the underlying ByteArrayInputStream
 * (ObjectInputStream never reads ahead of the current object or block, so this is exact) and the
 * FNV-1a hash of those bytes (the recordings of these programs ask for content hashes).
 */
public final class MeasuredInput {

    private final ExpectationLog log;
    private final String stream;
    private final byte[] content;
    private final ByteArrayInputStream bytes;
    private final ObjectInputStream in;
    private boolean filtered;

    /** Creates the ObjectInputStream under test over the memory stream. */
    @FunctionalInterface
    public interface StreamFactory {
        ObjectInputStream over(InputStream source) throws IOException;
    }

    public MeasuredInput(ExpectationLog log, String stream, byte[] content) {
        this(log, stream, content, ObjectInputStream::new);
    }

    public MeasuredInput(ExpectationLog log, String stream, byte[] content, StreamFactory factory) {
        this.log = log;
        this.stream = stream;
        this.content = content;
        this.bytes = new ByteArrayInputStream(content);
        try {
            in = factory.over(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setFilter(ObjectInputFilter filter) {
        in.setObjectInputFilter(filter);
        filtered = true;
    }

    /** readObject, expecting the given counts; null means "not checked". */
    public Object readObject(Integer objects, Integer classDescriptors) throws IOException, ClassNotFoundException {
        int start = position();
        Object root = in.readObject();
        log.add(call(root, start, objects, classDescriptors, ""));
        return root;
    }

    public Object readUnshared(Integer objects, Integer classDescriptors) throws IOException, ClassNotFoundException {
        int start = position();
        Object root = in.readUnshared();
        log.add(call(root, start, objects, classDescriptors, ""));
        return root;
    }

    /** readObject that must throw; returns what the application caught. */
    public Exception readObjectFailing() {
        int start = position();
        try {
            Object root = in.readObject();
            throw new AssertionError("reading did not fail but returned " + root);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            log.add(call(null, start, null, null, e.getClass().getName()));
            return e;
        }
    }

    public int readInt() throws IOException {
        return in.readInt();
    }

    public long readLong() throws IOException {
        return in.readLong();
    }

    public String readUTF() throws IOException {
        return in.readUTF();
    }

    public void readFully(byte[] data) throws IOException {
        in.readFully(data);
    }

    private int position() {
        return content.length - bytes.available();
    }

    /** The call's bytes are those from {@code start} to where the stream stopped; none, no hash. */
    private ExpectedCall call(Object root, int start, Integer objects, Integer classDescriptors, String failure) {
        int end = position();
        return new ExpectedCall(ExpectedCall.SELF, Thread.currentThread().getName(), ExpectedCall.DESERIALIZATION,
                root == null ? "" : root.getClass().getName(), (long) end - start, objects, classDescriptors,
                root == null ? null : System.identityHashCode(root), "memory",
                end == start ? 0L : Fingerprint.of(content, start, end), stream, failure, filtered);
    }
}
