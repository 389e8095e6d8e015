package dev.serialscope.samples.frameworks;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Orders written with Kryo and with Jackson, of which every {@value #CATALOG_EVERY}th carries a reference to
 * the same product catalog (a map of about 72 KiB in Kryo, 86 KiB in JSON): a few messages out of many are large,
 * and all of them for the same reason, the one shared object. The fix: send the catalog once (or its version),
 * not inside orders. Orders go out one per millisecond, as a service sends them, so that a production recording,
 * which traces about one call per second, traces a few of the large ones.
 *
 * <p>Needs Kryo 5 and Jackson 2 databind on the class path (see samples/pom.xml).
 */
public final class SharedCatalogOrders {

    static final int ORDERS = 2_000;
    static final int CATALOG_EVERY = 50;
    private static final int CATALOG_ENTRIES = 2_400;
    private static final long ORDER_INTERVAL_NANOS = 1_000_000;

    private SharedCatalogOrders() {
    }

    /** An order; {@code catalog} is null except on the orders that drag the shared catalog along. */
    public static final class Order {
        public long id;
        public String customer;
        public int quantity;
        public Map<String, String> catalog;
    }

    static Map<String, String> catalog() {
        Map<String, String> catalog = new HashMap<>();
        for (int i = 0; i < CATALOG_ENTRIES; i++) {
            catalog.put("sku-" + i, "product " + i + " in aisle " + (i % 40));
        }
        return catalog;
    }

    static Order order(int i, Map<String, String> catalog) {
        Order order = new Order();
        order.id = i;
        order.customer = "customer-" + (i % 97);
        order.quantity = 1 + i % 9;
        order.catalog = i % CATALOG_EVERY == 0 ? catalog : null;
        return order;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> catalog = catalog();
        Kryo kryo = new Kryo();
        kryo.register(Order.class);
        kryo.register(HashMap.class);
        Output output = new Output(1024, -1);
        long kryoBytes = 0;
        for (int i = 0; i < ORDERS; i++) {
            output.reset();
            kryo.writeObject(output, order(i, catalog));
            kryoBytes += output.position();
            LockSupport.parkNanos(ORDER_INTERVAL_NANOS);
        }
        ObjectMapper mapper = new ObjectMapper();
        long jacksonBytes = 0;
        for (int i = 0; i < ORDERS; i++) {
            jacksonBytes += mapper.writeValueAsBytes(order(i, catalog)).length;
            LockSupport.parkNanos(ORDER_INTERVAL_NANOS);
        }
        System.out.printf("SharedCatalogOrders: %d orders each with Kryo (%d bytes) and Jackson (%d bytes);"
                + " every %dth carried the same %d-entry catalog%n", ORDERS, kryoBytes, jacksonBytes, CATALOG_EVERY,
                catalog.size());
    }
}
