package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Color;
import dev.serialscope.e2e.programs.Fixtures.Point;
import dev.serialscope.e2e.programs.Fixtures.TagReadingInputStream;
import dev.serialscope.e2e.programs.Fixtures.TaggingOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Top-level ObjectInputStream calls of every kind, each case on its own thread, each call logged
 * with the bytes it really took from the stream. The input is written beforehand on the main
 * thread, whose serialization events the test ignores. Counts as in {@link WriteCalls}.
 *
 * <p>Argument: the expectation log file.
 */
public final class ReadCalls {

    /** Writes a case's input; the reading side must mirror it call for call. */
    @FunctionalInterface
    private interface Writer {
        void write(ObjectOutputStream out) throws IOException;
    }

    /** Reads a case's input through the measuring stream. */
    @FunctionalInterface
    private interface Reader {
        void read(MeasuredInput in) throws Exception;
    }

    private ReadCalls() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));

        single(log, "string", "hello", 1, 0);
        single(log, "null", null, 0, 0);
        single(log, "plain object", Fixtures.ada(), 2, 1);
        single(log, "custom readObject", Fixtures.envelope(), 5, 1);
        single(log, "Externalizable", Fixtures.account(), 3, 2);
        single(log, "int array", new int[] {1, 2, 3}, 1, 1);
        single(log, "String array", new String[] {"a", "b"}, 3, 1);
        single(log, "2-D array", new int[][] {{1}, {2, 3}}, 3, 2);
        single(log, "enum", Color.GREEN, null, 2);
        single(log, "record", new Point(3, 4), 1, 1);
        single(log, "Class object", Point.class, 1, 1);
        single(log, "proxy", Fixtures.greeter(), null, null);
        single(log, "serializable lambda", Fixtures.serializableLambda(), null, null);
        single(log, "long string", "x".repeat(70_000), 1, 0);
        single(log, "large graph", Fixtures.largeGraph(), null, null);

        readCase(log, "back reference",
                out -> {
                    Object ada = Fixtures.ada();
                    out.writeObject(ada);
                    out.writeObject(ada);
                },
                in -> {
                    in.readObject(2, 1);
                    in.readObject(0, 0);
                });
        readCase(log, "reset",
                out -> {
                    Object ada = Fixtures.ada();
                    out.writeObject(ada);
                    out.reset();
                    out.writeObject(ada);
                },
                in -> {
                    in.readObject(2, 1);
                    in.readObject(2, 1); // takes the TC_RESET byte from the stream too
                });
        readCase(log, "readUnshared",
                out -> {
                    Object ada = Fixtures.ada();
                    out.writeUnshared(ada);
                    out.writeUnshared(ada);
                },
                in -> {
                    in.readUnshared(2, 1);
                    in.readUnshared(1, 0);
                });
        readCase(log, "primitives before",
                out -> {
                    out.writeInt(42);
                    out.writeUTF("header");
                    out.writeObject(Fixtures.ada());
                    out.writeLong(7);
                    out.writeObject("tail");
                },
                in -> {
                    in.readInt();
                    in.readUTF();
                    in.readObject(2, 1);
                    in.readLong();
                    in.readObject(1, 0);
                });
        readCase(log, "long block data before",
                out -> {
                    out.write(new byte[1_500]);
                    out.writeObject(Fixtures.ada());
                },
                in -> {
                    in.readFully(new byte[1_500]);
                    in.readObject(2, 1);
                });
        readCase(log, "filter allows",
                out -> out.writeObject(Fixtures.ada()),
                in -> {
                    in.setFilter(ObjectInputFilter.Config.createFilter("dev.serialscope.e2e.programs.*;java.base/*;!*"));
                    in.readObject(2, 1);
                });
        readCase(log, "filter rejects",
                out -> out.writeObject(Fixtures.ada()),
                in -> {
                    in.setFilter(ObjectInputFilter.Config.createFilter("!dev.serialscope.e2e.programs.*"));
                    in.readObjectFailing(); // InvalidClassException
                });
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new TaggingOutputStream(tagged)) {
            out.writeObject(Fixtures.ada());
            out.writeObject(Fixtures.account());
        }
        CaseThread.run("ObjectInputStream subclass", () -> {
            MeasuredInput in = new MeasuredInput(log, "ObjectInputStream subclass", tagged.toByteArray(),
                    TagReadingInputStream::new);
            in.readObject(2, 1); // the descriptor's annotation is part of the call
            in.readObject(2, 1);
        });

        byte[] complete = bytesOf(out -> out.writeObject(Fixtures.ada()));
        byte[] truncated = Arrays.copyOf(complete, complete.length - 2);
        CaseThread.run("truncated", () -> new MeasuredInput(log, "truncated", truncated).readObjectFailing());
    }

    private static void single(ExpectationLog log, String name, Object root, Integer objects, Integer descriptors)
            throws Exception {
        readCase(log, name, out -> out.writeObject(root), in -> in.readObject(objects, descriptors));
    }

    private static void readCase(ExpectationLog log, String name, Writer writer, Reader reader) throws Exception {
        byte[] input = bytesOf(writer);
        CaseThread.run(name, () -> reader.read(new MeasuredInput(log, name, input)));
    }

    private static byte[] bytesOf(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            writer.write(out);
        }
        return bytes.toByteArray();
    }
}
