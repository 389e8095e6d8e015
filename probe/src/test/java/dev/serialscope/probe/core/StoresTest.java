package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.serialscope.boot.StoreBridge;
import org.junit.jupiter.api.Test;

class StoresTest {

    @Test
    void aProxyIsNamedByItsLibraryKindAndName() {
        assertEquals("hazelcast", Stores.library("com.hazelcast.map.impl.proxy.MapProxyImpl"));
        assertEquals("map", Stores.kind("MapProxyImpl"));
        assertEquals("map", Stores.kind("NearCachedMapProxyImpl"));
        assertEquals("queue", Stores.kind("QueueProxyImpl"));
    }

    @Test
    void onlyTheOutermostConversionOfAThreadIsKeptAndItEnds() {
        assertNull(Stores.current());
        Object outer = StoreBridge.enter(new QueueProxyImpl());
        Object inner = StoreBridge.enter(new Object());
        assertNull(inner, "nested conversions keep the outer store");
        assertEquals("serialscope queue orders", Stores.current());
        StoreBridge.exit(inner);
        assertEquals("serialscope queue orders", Stores.current());
        StoreBridge.exit(outer);
        assertNull(Stores.current());
    }

    /** Named like Hazelcast's interface of every distributed object. */
    public interface DistributedObject {
        String getName();
    }

    /** Named like Hazelcast's queue proxy. */
    private static final class QueueProxyImpl implements DistributedObject {
        @Override
        public String getName() {
            return "orders";
        }
    }
}
