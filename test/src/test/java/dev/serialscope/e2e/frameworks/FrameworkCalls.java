package dev.serialscope.e2e.frameworks;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.serialscope.e2e.programs.CaseThread;
import dev.serialscope.e2e.programs.CountingStreams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Child program: Kryo, Jackson and Protobuf calls, one case per thread ("case NAME"), each case
 * logging the events it expects (one per top-level call) with bytes measured on its own, e.g. by
 * counting what reached the stream. Nested calls (Kryo serializers calling Kryo, a Jackson
 * serializer calling the mapper, nested protobuf messages) must not show up as events.
 * Usage: FrameworkCalls EXPECTATION_FILE
 */
public final class FrameworkCalls {

    /** One expected per-call event, as a tab-separated line. */
    static final String SERIALIZATION = "serialscope.Serialization";
    static final String DESERIALIZATION = "serialscope.Deserialization";

    private static final List<String> expected = new ArrayList<>();

    private FrameworkCalls() {
    }

    static synchronized void expect(String event, String framework, Class<?> rootClass, long bytes, String channel,
                                    Class<? extends Throwable> failure) {
        expected.add(String.join("\t", Thread.currentThread().getName(), event, framework,
                rootClass == null ? "" : rootClass.getName(), Long.toString(bytes), channel,
                failure == null ? "" : failure.getName()));
    }

    // ---- the objects sent

    public static class Leaf {
        public String name = "leaf";
        public int[] values = {1, 2, 3};
    }

    public static class Order {
        public String customer = "Zoë Ünal"; // not ASCII: UTF-8 needs more bytes than chars
        public List<Leaf> lines = new ArrayList<>(List.of(new Leaf(), new Leaf()));
        public Leaf extra = new Leaf();
    }

    /** Its Jackson serializer calls the mapper again: a nested call. */
    @JsonSerialize(using = NoteSerializer.class)
    public static class Note {
        public Leaf leaf = new Leaf();
    }

    public static final class NoteSerializer extends JsonSerializer<Note> {
        static final ObjectMapper INNER = new ObjectMapper();

        @Override
        public void serialize(Note note, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("leaf", INNER.writeValueAsString(note.leaf));
            gen.writeFieldName("again");
            gen.writeObject(note.leaf); // through the codec: ObjectMapper.writeValue(JsonGenerator, Object)
            gen.writeEndObject();
        }
    }

    /** Its Kryo serializer writes through Kryo again (and Jackson inside Kryo): nested calls. */
    public static class Parcel {
        Order order = new Order();
    }

    public static final class ParcelSerializer extends Serializer<Parcel> {
        static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        public void write(Kryo kryo, Output output, Parcel parcel) {
            kryo.writeObject(output, parcel.order);
            kryo.writeClassAndObject(output, parcel.order.extra);
            try {
                output.writeString(MAPPER.writeValueAsString(parcel.order.extra));
            } catch (IOException e) {
                throw new KryoException(e);
            }
        }

        @Override
        public Parcel read(Kryo kryo, Input input, Class<? extends Parcel> type) {
            Parcel parcel = new Parcel();
            parcel.order = kryo.readObject(input, Order.class);
            parcel.order.extra = (Leaf) kryo.readClassAndObject(input);
            try {
                MAPPER.readValue(input.readString(), Leaf.class);
            } catch (IOException e) {
                throw new KryoException(e);
            }
            return parcel;
        }
    }

    static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.register(Parcel.class, new ParcelSerializer());
        return kryo;
    }

    static Struct struct(int size) {
        ListValue.Builder list = ListValue.newBuilder();
        for (int i = 0; i < size; i++) {
            list.addValues(Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields("index", Value.newBuilder().setNumberValue(i).build())
                    .putFields("label", Value.newBuilder().setStringValue("item " + i).build())));
        }
        return Struct.newBuilder()
                .putFields("name", Value.newBuilder().setStringValue("order").build())
                .putFields("items", Value.newBuilder().setListValue(list).build())
                .build();
    }

    static String socketName(Socket socket) {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        return "socket " + remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    /** Runs {@code writer} and {@code reader} cases at once over one loopback connection. */
    static void overSocket(String writerName, SocketBody writer, String readerName, SocketBody reader) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ExecutorService accept = Executors.newSingleThreadExecutor();
            Future<Socket> accepted = accept.submit((Callable<Socket>) server::accept);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket peer = accepted.get()) {
                CaseThread.runConcurrently(List.of(writerName, readerName), () -> {
                    if (Thread.currentThread().getName().endsWith(writerName)) {
                        writer.run(client);
                    } else {
                        reader.run(peer);
                    }
                });
            } finally {
                accept.shutdown();
            }
        }
    }

    @FunctionalInterface
    interface SocketBody {
        void run(Socket socket) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path expectations = Path.of(args[0]);
        Path dir = expectations.toAbsolutePath().getParent();
        // Protobuf parses its own descriptors when Struct is first used: done here, off the case threads.
        struct(1).toByteArray();
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        mapper.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

        // ---- Kryo
        CaseThread.run("kryo write memory", () -> {
            Kryo kryo = kryo();
            Output output = new Output(256, -1);
            output.writeInt(7); // earlier data is not part of the call
            int before = output.position();
            kryo.writeClassAndObject(output, new Order());
            expect(SERIALIZATION, "kryo", Order.class, output.position() - before, "memory", null);
            before = output.position();
            kryo.writeObject(output, new Parcel()); // nested kryo and jackson calls inside
            expect(SERIALIZATION, "kryo", Parcel.class, output.position() - before, "memory", null);
        });
        Kryo kryoForBytes = kryo();
        Output bytesOut = new Output(256, -1);
        kryoForBytes.writeClassAndObject(bytesOut, new Parcel());
        kryoForBytes.writeObject(bytesOut, new Order());
        byte[] kryoBytes = bytesOut.toBytes();
        CaseThread.run("kryo read memory", () -> {
            Kryo kryo = kryo();
            Input input = new Input(kryoBytes);
            Object parcel = kryo.readClassAndObject(input);
            int first = input.position();
            expect(DESERIALIZATION, "kryo", parcel.getClass(), first, "memory", null);
            Order order = kryo.readObject(input, Order.class);
            expect(DESERIALIZATION, "kryo", order.getClass(), input.position() - first, "memory", null);
        });
        CaseThread.run("kryo failure", () -> {
            Kryo kryo = new Kryo();
            kryo.setRegistrationRequired(true);
            try {
                kryo.writeClassAndObject(new Output(64, -1), new Order());
                throw new AssertionError("an unregistered class must fail");
            } catch (IllegalArgumentException expectedFailure) {
                expect(SERIALIZATION, "kryo", Order.class, 0, "memory", IllegalArgumentException.class);
            }
        });
        overSocket("kryo write socket", socket -> {
            CountingStreams.Out counted = new CountingStreams.Out(socket.getOutputStream());
            Output output = new Output(counted, 64); // small buffer: flushes to the socket inside the call
            Kryo kryo = kryo();
            for (int i = 0; i < 3; i++) {
                long before = counted.count;
                kryo.writeClassAndObject(output, new Parcel());
                output.flush();
                expect(SERIALIZATION, "kryo", Parcel.class, counted.count - before, socketName(socket), null);
            }
            socket.shutdownOutput();
        }, "kryo read socket", socket -> {
            Input input = new Input(socket.getInputStream(), 64);
            Kryo kryo = kryo();
            for (int i = 0; i < 3; i++) {
                long before = input.total();
                Object parcel = kryo.readClassAndObject(input);
                expect(DESERIALIZATION, "kryo", parcel.getClass(), input.total() - before, socketName(socket), null);
            }
        });

        // ---- Jackson
        CaseThread.run("jackson write", () -> {
            Order order = new Order();
            byte[] bytes = mapper.writeValueAsBytes(order);
            expect(SERIALIZATION, "jackson", Order.class, bytes.length, "memory", null);
            String text = mapper.writerFor(Order.class).writeValueAsString(order);
            expect(SERIALIZATION, "jackson", Order.class, text.getBytes(StandardCharsets.UTF_8).length, "memory", null);
            byte[] note = mapper.writeValueAsBytes(new Note()); // nested mapper calls inside
            expect(SERIALIZATION, "jackson", Note.class, note.length, "memory", null);
            ByteArrayOutputStream memory = new ByteArrayOutputStream();
            mapper.writeValue(memory, order);
            expect(SERIALIZATION, "jackson", Order.class, memory.size(), "memory", null);
            File file = dir.resolve("order.json").toFile();
            mapper.writeValue(file, order);
            expect(SERIALIZATION, "jackson", Order.class, Files.size(file.toPath()), "file " + file.getAbsolutePath(), null);
        });
        byte[] json = mapper.writeValueAsBytes(new Order());
        String jsonText = new String(json, StandardCharsets.UTF_8);
        CaseThread.run("jackson read", () -> {
            Object order = mapper.readValue(json, Order.class);
            expect(DESERIALIZATION, "jackson", order.getClass(), json.length, "memory", null);
            byte[] framed = new byte[json.length + 10];
            System.arraycopy(json, 0, framed, 5, json.length);
            order = mapper.readerFor(Order.class).readValue(framed, 5, json.length);
            expect(DESERIALIZATION, "jackson", order.getClass(), json.length, "memory", null);
            order = mapper.readValue(jsonText, Order.class);
            expect(DESERIALIZATION, "jackson", order.getClass(), json.length, "memory", null);
            Object tree = mapper.readTree(json);
            expect(DESERIALIZATION, "jackson", tree.getClass(), json.length, "memory", null);
            CountingStreams.In in = new CountingStreams.In(new ByteArrayInputStream(json));
            order = mapper.readValue(in, Order.class);
            expect(DESERIALIZATION, "jackson", order.getClass(), in.count, "memory", null);
            try {
                mapper.readValue("{\"customer\": ", Order.class);
                throw new AssertionError("truncated JSON must fail");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                expect(DESERIALIZATION, "jackson", null, 13, "memory", e.getClass());
            }
        });
        overSocket("jackson write socket", socket -> {
            CountingStreams.Out counted = new CountingStreams.Out(socket.getOutputStream());
            mapper.writeValue(counted, new Order());
            expect(SERIALIZATION, "jackson", Order.class, counted.count, socketName(socket), null);
            socket.shutdownOutput();
        }, "jackson read socket", socket -> {
            CountingStreams.In in = new CountingStreams.In(socket.getInputStream());
            Object order = mapper.readValue(in, Order.class);
            expect(DESERIALIZATION, "jackson", order.getClass(), in.count, socketName(socket), null);
        });

        // ---- Protobuf
        Struct message = struct(20); // nested messages: Value, ListValue, Struct
        CaseThread.run("protobuf write", () -> {
            byte[] bytes = message.toByteArray();
            expect(SERIALIZATION, "protobuf", Struct.class, bytes.length, "memory", null);
            ByteString string = message.toByteString();
            expect(SERIALIZATION, "protobuf", Struct.class, string.size(), "memory", null);
            ByteArrayOutputStream memory = new ByteArrayOutputStream();
            message.writeTo(memory);
            expect(SERIALIZATION, "protobuf", Struct.class, memory.size(), "memory", null);
        });
        byte[] proto = message.toByteArray();
        CaseThread.run("protobuf read", () -> {
            Struct read = Struct.parseFrom(proto);
            expect(DESERIALIZATION, "protobuf", read.getClass(), proto.length, "memory", null);
            read = Struct.parser().parseFrom(ByteString.copyFrom(proto));
            expect(DESERIALIZATION, "protobuf", read.getClass(), proto.length, "memory", null);
            read = Struct.parseFrom(ByteBuffer.wrap(proto));
            expect(DESERIALIZATION, "protobuf", read.getClass(), proto.length, "memory", null);
            byte[] framed = new byte[proto.length + 3];
            System.arraycopy(proto, 0, framed, 3, proto.length);
            read = Struct.parser().parseFrom(framed, 3, proto.length);
            expect(DESERIALIZATION, "protobuf", read.getClass(), proto.length, "memory", null);
            CountingStreams.In in = new CountingStreams.In(new ByteArrayInputStream(proto));
            read = Struct.parseFrom(in);
            expect(DESERIALIZATION, "protobuf", read.getClass(), in.count, "memory", null);
            try {
                Struct.parseFrom(new byte[] {10, 50, 1});
                throw new AssertionError("truncated protobuf must fail");
            } catch (InvalidProtocolBufferException e) {
                expect(DESERIALIZATION, "protobuf", null, 3, "memory", e.getClass());
            }
        });
        overSocket("protobuf write socket", socket -> {
            CountingStreams.Out counted = new CountingStreams.Out(socket.getOutputStream());
            for (int i = 1; i <= 3; i++) {
                long before = counted.count;
                struct(i * 10).writeDelimitedTo(counted);
                expect(SERIALIZATION, "protobuf", Struct.class, counted.count - before, socketName(socket), null);
            }
            socket.shutdownOutput();
        }, "protobuf read socket", socket -> {
            CountingStreams.In in = new CountingStreams.In(socket.getInputStream());
            for (int i = 1; i <= 3; i++) {
                long before = in.count;
                Struct read = Struct.parseDelimitedFrom(in);
                expect(DESERIALIZATION, "protobuf", read.getClass(), in.count - before, socketName(socket), null);
            }
        });

        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(expectations, StandardCharsets.UTF_8))) {
            expected.forEach(out::println);
        }
    }
}
