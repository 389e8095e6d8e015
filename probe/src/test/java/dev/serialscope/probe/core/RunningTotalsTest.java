package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The metrics' MBeans as a JMX client sees them: read-only long attributes, each read up to the moment. */
class RunningTotalsTest {

    @Test
    void attributesReadTheirCountersWhenRead() throws Exception {
        AtomicLong bytes = new AtomicLong(10);
        RunningTotals totals = new RunningTotals("test channel totals", RunningTotals.CHANNEL,
                counter -> counter == ChannelMetrics.BYTES ? bytes.get() : counter);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = JmxMetrics.name(new ChannelMetrics.Row("pipe", "read"));
        server.registerMBean(totals, name);
        try {
            bytes.set(25);
            assertEquals(25L, server.getAttribute(name, "Bytes"));
            assertEquals((long) ChannelMetrics.OPERATIONS, server.getAttribute(name, "Operations"));
            assertEquals((long) ChannelMetrics.NANOS, server.getAttribute(name, "TimeNanos"));
            assertEquals(1, server.getAttributes(name, new String[] {"SerializedBytes", "Calls"}).size(),
                    "an unknown attribute is left out");
            assertThrows(AttributeNotFoundException.class, () -> server.getAttribute(name, "Calls"));
            MBeanAttributeInfo[] attributes = server.getMBeanInfo(name).getAttributes();
            assertArrayEquals(new String[] {"Operations", "Bytes", "SerializedBytes", "TimeNanos"},
                    Arrays.stream(attributes).map(MBeanAttributeInfo::getName).toArray());
            assertEquals(0, Arrays.stream(attributes).filter(a -> !a.isReadable() || a.isWritable()
                    || !a.getType().equals("long")).count(), "read-only longs");
            assertEquals("dev.serialscope:type=Channel,kind=pipe,direction=read", name.toString());
        } finally {
            server.unregisterMBean(name);
        }
    }
}
