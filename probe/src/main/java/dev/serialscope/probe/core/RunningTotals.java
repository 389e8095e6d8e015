package dev.serialscope.probe.core;

import java.util.List;
import java.util.function.IntToLongFunction;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.ReflectionException;

/**
 * One row of running totals as an MBean (agent option {@code metrics=jmx}): read-only {@code long} attributes, each
 * the total of one counter (the largest call: its maximum) up to the moment it is read. The attributes and their
 * descriptions are the contract the exporter config (jmx-exporter.yaml) relies on.
 */
final class RunningTotals implements DynamicMBean {

    /** An attribute: its name, the counter it reads, and what it counts. */
    record Counter(String name, int counter, String description) {
    }

    /** The counter index of a row's largest call, which is a maximum rather than a total. */
    static final int LARGEST_CALL = -1;

    /** dev.serialscope:type=Serialization,...: one direction, framework and root class since counting started. */
    static final List<Counter> SERIALIZATION = List.of(
            new Counter("Calls", ThreadCounts.CALLS, "Top-level calls"),
            new Counter("Bytes", ThreadCounts.BYTES, "Bytes of the calls whose size could be measured"),
            new Counter("TimeNanos", ThreadCounts.NANOS, "Wall-clock nanoseconds in the calls: measured, or "
                    + "estimated from the timed calls under a sampled timing"),
            new Counter("Failures", ThreadCounts.FAILURES, "Calls that threw"),
            new Counter("LargestCallBytes", RunningTotals.LARGEST_CALL, "Bytes of the largest measured call"));

    /** dev.serialscope:type=Channel,...: one channel kind and direction since counting started. */
    static final List<Counter> CHANNEL = List.of(
            new Counter("Operations", ChannelMetrics.OPERATIONS, "Reads and writes (a read at the end of the "
                    + "stream included)"),
            new Counter("Bytes", ChannelMetrics.BYTES, "Bytes moved"),
            new Counter("SerializedBytes", ChannelMetrics.SERIALIZED_BYTES, "Of those, the bytes moved while a "
                    + "serializer (Java serialization, Kryo, Jackson, Protobuf) ran on the thread"),
            new Counter("TimeNanos", ChannelMetrics.NANOS, "Wall-clock nanoseconds in the operations"));

    private final List<Counter> counters;
    private final IntToLongFunction total;
    private final MBeanInfo info;

    /** {@code total}: the running total of a counter, up to now. */
    RunningTotals(String description, List<Counter> counters, IntToLongFunction total) {
        this.counters = counters;
        this.total = total;
        MBeanAttributeInfo[] attributes = counters.stream()
                .map(c -> new MBeanAttributeInfo(c.name(), "long", c.description(), true, false, false))
                .toArray(MBeanAttributeInfo[]::new);
        this.info = new MBeanInfo(RunningTotals.class.getName(), description, attributes, null, null, null);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        for (Counter counter : counters) {
            if (counter.name().equals(attribute)) {
                return total.applyAsLong(counter.counter());
            }
        }
        throw new AttributeNotFoundException(attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList values = new AttributeList();
        for (String attribute : attributes) {
            try {
                values.add(new Attribute(attribute, getAttribute(attribute)));
            } catch (AttributeNotFoundException unknown) {
                // The JMX contract: an attribute that cannot be read is left out of the list.
            }
        }
        return values;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(actionName), "the totals have no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
