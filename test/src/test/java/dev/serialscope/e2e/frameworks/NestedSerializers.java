package dev.serialscope.e2e.frameworks;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import dev.serialscope.e2e.programs.CaseThread;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One serializer inside another, as Spark's Kryo serializer runs inside a java-serialized task: a java
 * writeObject (readObject) whose custom method writes (reads) its payload with Kryo through the object stream,
 * and Kryo writing (reading) an object with its JavaSerializer, which opens an ObjectOutputStream (ObjectInputStream)
 * on the Output (Input). Each is one top-level call of the outer serializer with all the bytes, and no call of the
 * inner one. Logs per case thread: event, framework, bytes measured here.
 */
public final class NestedSerializers {

    /** Its payload goes through Kryo inside java serialization. */
    public static final class Envelope implements Serializable {
        private static final long serialVersionUID = 1L;
        public String route = "route-7";
        public transient int[] payload;

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            Output output = new Output(out);
            kryo().writeClassAndObject(output, payload);
            output.flush();
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            payload = (int[]) kryo().readClassAndObject(new Input(in));
        }
    }

    /** Written by Kryo's JavaSerializer: java serialization inside Kryo. */
    public static final class Legacy implements Serializable {
        private static final long serialVersionUID = 1L;
        public long[] values = new long[500];
    }

    private final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new NestedSerializers().run(Path.of(args[0]));
    }

    private void run(Path expectations) throws Exception {
        Envelope envelope = new Envelope();
        envelope.payload = new int[1000];
        byte[][] javaBytes = new byte[1][];
        CaseThread.run("kryo inside java write", () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ObjectOutputStream out = new ObjectOutputStream(bytes);
            out.flush();
            int before = bytes.size();
            out.writeObject(envelope);
            out.flush();
            javaBytes[0] = bytes.toByteArray();
            expect("kryo inside java write", "serialscope.Serialization", "java", bytes.size() - before);
        });
        CaseThread.run("kryo inside java read", () -> {
            ByteArrayInputStream bytes = new ByteArrayInputStream(javaBytes[0]);
            ObjectInputStream in = new ObjectInputStream(bytes);
            int before = bytes.available();
            Envelope read = (Envelope) in.readObject();
            if (read.payload.length != 1000) {
                throw new AssertionError("payload lost");
            }
            expect("kryo inside java read", "serialscope.Deserialization", "java", before - bytes.available());
        });
        Kryo kryo = kryo();
        kryo.register(Legacy.class, new JavaSerializer());
        Output kryoOutput = new Output(1024, -1);
        CaseThread.run("java inside kryo write", () -> {
            long before = kryoOutput.total();
            kryo.writeObject(kryoOutput, new Legacy());
            expect("java inside kryo write", "serialscope.Serialization", "kryo", kryoOutput.total() - before);
        });
        CaseThread.run("java inside kryo read", () -> {
            Input input = new Input(kryoOutput.toBytes());
            Legacy legacy = kryo.readObject(input, Legacy.class);
            if (legacy.values.length != 500) {
                throw new AssertionError("values lost");
            }
            expect("java inside kryo read", "serialscope.Deserialization", "kryo", input.total());
        });
        Files.write(expectations, lines, StandardCharsets.UTF_8);
    }

    private void expect(String thread, String event, String framework, long bytes) {
        synchronized (lines) {
            lines.add(String.join("\t", CaseThread.PREFIX + thread, event, framework, String.valueOf(bytes)));
        }
    }

    static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.register(int[].class);
        return kryo;
    }
}
