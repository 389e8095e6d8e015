package dev.serialscope.probe.core;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Agent option {@code metrics=jmx}: the serialization statistics and the channel bytes counted whether or not a
 * recording runs, their running totals published as platform MBeans for JMX clients and the Prometheus JMX
 * exporter. A daemon thread registers the MBean of each new row once a second (and with it drops the counts of
 * ended threads); an attribute read adds up what the threads counted up to that moment.
 */
public final class JmxMetrics {

    static final String DOMAIN = "dev.serialscope";
    /** The root class name of the row that sums the others. */
    static final String OTHER = "(other)";
    private static final long SCAN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SerializationRecording recording;
    private final ChannelMetrics channels;
    private final ProbeErrors errors;
    private final Set<ObjectName> registered = new HashSet<>();

    private JmxMetrics(SerializationRecording recording, ChannelMetrics channels, ProbeErrors errors) {
        this.recording = recording;
        this.channels = channels;
        this.errors = errors;
    }

    /** Starts counting now; the MBeans come from a thread of their own, off the JVM's start-up path. */
    static void start(SerializationRecording recording, ChannelMetrics channels, ProbeErrors errors) {
        recording.countAlways();
        channels.countAlways();
        JmxMetrics metrics = new JmxMetrics(recording, channels, errors);
        Thread thread = new Thread(metrics::run, "SerialScope metrics");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            while (true) {
                for (StatisticsTable table : recording.tables()) {
                    for (String rootClass : table.totalNames()) {
                        register(server, name(table, rootClass), () -> new RunningTotals("SerialScope: "
                                + table.direction() + " calls of " + table.framework() + " serialization, root class "
                                + (rootClass == null ? OTHER : rootClass), RunningTotals.SERIALIZATION,
                                counter -> counter == RunningTotals.LARGEST_CALL ? table.largestCall(rootClass)
                                        : table.total(rootClass, counter)));
                    }
                }
                for (ChannelMetrics.Row row : channels.rows()) {
                    register(server, name(row), () -> new RunningTotals("SerialScope: " + row.direction()
                            + " operations on channels of kind " + row.kind(), RunningTotals.CHANNEL,
                            counter -> channels.total(row, counter)));
                }
                LockSupport.parkNanos(SCAN_NANOS);
            }
        } catch (Throwable t) {
            errors.report("metrics", t);
        }
    }

    private void register(MBeanServer server, ObjectName name, Supplier<RunningTotals> mbean) throws Exception {
        if (registered.add(name) && !server.isRegistered(name)) {
            server.registerMBean(mbean.get(), name);
        }
    }

    static ObjectName name(StatisticsTable table, String rootClass) throws MalformedObjectNameException {
        String label = rootClass == null ? OTHER : rootClass;
        // Class names need no quoting, except hidden classes' and odd ones; a quoted value keeps its quotes.
        String value = label.matches("[^,=:*?\"\\\\\\n]+") ? label : ObjectName.quote(label);
        return new ObjectName(DOMAIN + ":type=Serialization,direction=" + table.direction() + ",framework="
                + table.framework() + ",rootClass=" + value);
    }

    static ObjectName name(ChannelMetrics.Row row) throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=Channel,kind=" + row.kind() + ",direction=" + row.direction());
    }
}
