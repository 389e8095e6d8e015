package dev.serialscope.samples.frameworks;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Kryo, Jackson and Protobuf messaging over loopback sockets, one connection per library: with
 * the agent, every message is one serialscope.Serialization event on the sender and one
 * serialscope.Deserialization event on the receiver, with {@code framework} kryo, jackson or
 * protobuf, the exact bytes and the socket peer as channel (Jackson's length-prefixed byte[]
 * messages show as memory: the bytes are made in memory, then written). Nested calls inside the
 * libraries are never separate events. Prints the bytes each receiver got, per library.
 *
 * <p>Needs Kryo 5, Jackson 2 databind and protobuf-java on the class path (see samples/pom.xml).
 */
public final class FrameworkMessaging {

    static final int MESSAGES = 200;

    private FrameworkMessaging() {
    }

    /** The message: a trade with a few legs. Kryo and Jackson write it field by field (nested calls). */
    public static final class Trade {
        public String symbol;
        public long quantity;
        public List<Leg> legs = new ArrayList<>();
    }

    public static final class Leg {
        public String venue;
        public double price;
    }

    static Trade trade(int i) {
        Trade trade = new Trade();
        trade.symbol = "SYM" + (i % 17);
        trade.quantity = 100L * i;
        for (int l = 0; l < 1 + i % 4; l++) {
            Leg leg = new Leg();
            leg.venue = "venue-" + l;
            leg.price = 100 + i + l / 10.0;
            trade.legs.add(leg);
        }
        return trade;
    }

    static Struct struct(Trade trade) {
        ListValue.Builder legs = ListValue.newBuilder();
        for (Leg leg : trade.legs) {
            legs.addValues(Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields("venue", Value.newBuilder().setStringValue(leg.venue).build())
                    .putFields("price", Value.newBuilder().setNumberValue(leg.price).build())));
        }
        return Struct.newBuilder()
                .putFields("symbol", Value.newBuilder().setStringValue(trade.symbol).build())
                .putFields("quantity", Value.newBuilder().setNumberValue(trade.quantity).build())
                .putFields("legs", Value.newBuilder().setListValue(legs).build())
                .build();
    }

    static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.register(Trade.class);
        kryo.register(Leg.class);
        kryo.register(ArrayList.class);
        return kryo;
    }

    @FunctionalInterface
    interface Side {
        long run(Socket socket) throws Exception;
    }

    /** Runs a sender and a receiver over one loopback connection; returns the bytes the receiver counted. */
    static long exchange(Side sender, Side receiver) throws Exception {
        ExecutorService receiving = Executors.newSingleThreadExecutor(r -> new Thread(r, "receiver"));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Long> received = receiving.submit(() -> {
                try (Socket socket = server.accept()) {
                    return receiver.run(socket);
                }
            });
            try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort())) {
                sender.run(socket);
                socket.shutdownOutput();
                return received.get();
            }
        } finally {
            receiving.shutdown();
        }
    }

    public static void main(String[] args) throws Exception {
        long kryo = exchange(socket -> {
            Kryo k = kryo();
            Output out = new Output(socket.getOutputStream(), 4096); // not closed: that would close the socket
            for (int i = 0; i < MESSAGES; i++) {
                k.writeObject(out, trade(i));
                out.flush();
            }
            return out.total();
        }, socket -> {
            Kryo k = kryo();
            Input in = new Input(socket.getInputStream(), 4096);
            for (int i = 0; i < MESSAGES; i++) {
                k.readObject(in, Trade.class);
            }
            return in.total();
        });

        ObjectMapper mapper = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        long jackson = exchange(socket -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            for (int i = 0; i < MESSAGES; i++) {
                byte[] json = mapper.writeValueAsBytes(trade(i));
                out.writeInt(json.length);
                out.write(json);
            }
            out.flush();
            return 0;
        }, socket -> {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            long bytes = 0;
            for (int i = 0; i < MESSAGES; i++) {
                byte[] json = new byte[in.readInt()];
                in.readFully(json);
                mapper.readValue(json, Trade.class);
                bytes += json.length;
            }
            return bytes;
        });

        long protobuf = exchange(socket -> {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (int i = 0; i < MESSAGES; i++) {
                struct(trade(i)).writeDelimitedTo(out);
            }
            out.flush();
            return 0;
        }, socket -> {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long bytes = 0;
            for (int i = 0; i < MESSAGES; i++) {
                bytes += com.google.protobuf.CodedOutputStream.computeMessageSizeNoTag(Struct.parseDelimitedFrom(in));
            }
            return bytes;
        });

        System.out.println("kryo: " + MESSAGES + " messages, " + kryo + " bytes received");
        System.out.println("jackson: " + MESSAGES + " messages, " + jackson + " bytes received (without length prefixes)");
        System.out.println("protobuf: " + MESSAGES + " messages, " + protobuf + " bytes received (with length prefixes)");
    }
}
