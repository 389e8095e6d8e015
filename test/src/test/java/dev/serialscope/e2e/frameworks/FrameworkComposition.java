package dev.serialscope.e2e.frameworks;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.serialscope.e2e.programs.CaseThread;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes with Kryo, Jackson and Protobuf on one case thread (every call traced with the diagnose profile) and
 * logs, per call in order, the field paths the composition events must show with the bytes measured here
 * independently: a field's bytes as the difference between the message with the value and with null (plus what
 * null takes), a string's as the library writes it alone, a Protobuf field's as the message's size minus the size
 * without it. Lines: call index, framework, path, bytes ("*": not checked), count, value class ("*": not checked,
 * "-": none), and a tag ("-": none) shared by the paths that hold the same object in different calls. A framework
 * line with path "-" says the call writes no composition.
 */
public final class FrameworkComposition {

    static final String THREAD = "composition";
    private static final int ENTRIES = 300;
    private static final String NONE = "-";
    private static final String ANY = "*";

    /** Properties in declaration order, as Jackson writes them: id first (no comma), then customer and catalog. */
    public static final class Order {
        public long id;
        public String customer;
        public Map<String, String> catalog;

        Order() {
        }

        Order(long id, String customer, Map<String, String> catalog) {
            this.id = id;
            this.customer = customer;
            this.catalog = catalog;
        }
    }

    private final List<String> lines = new ArrayList<>();
    private int call;

    public static void main(String[] args) throws Exception {
        new FrameworkComposition().run(Path.of(args[0]));
    }

    private void run(Path expectations) throws Exception {
        Map<String, String> catalog = new HashMap<>();
        for (int i = 0; i < ENTRIES; i++) {
            catalog.put("sku-" + i, "product " + i);
        }
        List<Order> orders = List.of(new Order(1, "customer-one", catalog), new Order(2, "customer-two", null),
                new Order(3, "customer-three", catalog));
        Struct shared = struct("shared", 40);
        List<Value> values = List.of(Value.newBuilder().setStructValue(shared).build(),
                Value.newBuilder().setStructValue(shared).build());
        Struct fields = struct("field", 7);
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        fields.toByteArray(); // Protobuf parses its descriptors on first use: here, off the case thread

        // ---- expectations, measured off the case thread
        for (Order order : orders) {
            int index = call++;
            line(index, "kryo", "catalog", order.catalog == null ? 1 : kryoSize(order) - kryoSize(withoutCatalog(order)) + 1,
                    1, order.catalog == null ? NONE : HashMap.class.getName(), order.catalog == null ? NONE : "catalog");
            line(index, "kryo", "customer", kryoString(order.customer), 1, ANY, NONE);
            if (order.catalog != null) {
                line(index, "kryo", "catalog.<contents>", ANY, 2 * ENTRIES, String.class.getName(), NONE);
            }
        }
        for (int i = 0; i < 2; i++) { // writeValueAsBytes, then writeValue(OutputStream)
            for (Order order : orders) {
                int index = call++;
                String nullCatalog = ",\"catalog\":null";
                line(index, "jackson", "catalog", order.catalog == null ? nullCatalog.length()
                                : json(mapper, order) - json(mapper, withoutCatalog(order)) + nullCatalog.length(),
                        1, order.catalog == null ? NONE : HashMap.class.getName(), order.catalog == null ? NONE : "catalog");
                line(index, "jackson", "customer", (",\"customer\":" + mapper.writeValueAsString(order.customer)).length(),
                        1, NONE, NONE);
                line(index, "jackson", "id", ("\"id\":" + order.id).length(), 1, NONE, NONE);
            }
        }
        line(call++, "jackson", NONE, ANY, 0, NONE, NONE); // writeValueAsString: characters, no byte positions
        line(call++, "protobuf", "fields", fields.getSerializedSize(), 7, ANY, NONE);
        for (Value value : values) {
            line(call++, "protobuf", "struct_value", value.getSerializedSize(), 1, Struct.class.getName(), "struct");
        }
        Files.write(expectations, lines, StandardCharsets.UTF_8);

        CaseThread.run(THREAD, () -> {
            Kryo kryo = kryo();
            Output output = new Output(1024, -1);
            for (Order order : orders) {
                kryo.writeObject(output, order);
            }
            for (Order order : orders) {
                mapper.writeValueAsBytes(order);
            }
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (Order order : orders) {
                mapper.writeValue(stream, order);
            }
            mapper.writeValueAsString(orders.get(0));
            fields.toByteArray();
            for (Value value : values) {
                value.toByteArray();
            }
        });
        System.out.println("wrote " + call + " calls");
    }

    private void line(int index, String framework, String path, Object bytes, int count, String valueClass, String tag) {
        lines.add(String.join("\t", String.valueOf(index), framework, path, String.valueOf(bytes), String.valueOf(count),
                valueClass, tag));
    }

    private static Order withoutCatalog(Order order) {
        return new Order(order.id, order.customer, null);
    }

    private static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.register(Order.class);
        kryo.register(HashMap.class);
        return kryo;
    }

    private static int kryoSize(Order order) {
        Output output = new Output(1024, -1);
        kryo().writeObject(output, order);
        return output.position();
    }

    private static int kryoString(String value) {
        Output output = new Output(64, -1);
        output.writeString(value);
        return output.position();
    }

    private static int json(ObjectMapper mapper, Order order) throws Exception {
        return mapper.writeValueAsBytes(order).length;
    }

    private static Struct struct(String prefix, int size) {
        Struct.Builder builder = Struct.newBuilder();
        for (int i = 0; i < size; i++) {
            builder.putFields(prefix + i, Value.newBuilder().setStringValue("value " + i).build());
        }
        return builder.build();
    }
}
