package dev.serialscope.probe.core;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Agent option {@code metrics=jmx}: the serialization statistics counted whether or not a recording runs, their
 * running totals published as platform MBeans for JMX clients and the Prometheus JMX exporter. A daemon thread
 * registers the MBean of each new row once a second (and with it drops the counts of ended threads); an
 * attribute read adds up what the threads counted up to that moment.
 */
public final class JmxMetrics {

    static final String DOMAIN = "dev.serialscope";
    /** The root class name of the row that sums the others. */
    static final String OTHER = "(other)";
    private static final long SCAN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SerializationRecording recording;
    private final ProbeErrors errors;
    private final Set<ObjectName> registered = new HashSet<>();

    private JmxMetrics(SerializationRecording recording, ProbeErrors errors) {
        this.recording = recording;
        this.errors = errors;
    }

    /** Starts counting now; the MBeans come from a thread of their own, off the JVM's start-up path. */
    static void start(SerializationRecording recording, ProbeErrors errors) {
        recording.countAlways();
        JmxMetrics metrics = new JmxMetrics(recording, errors);
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
                        register(server, table, rootClass);
                    }
                }
                LockSupport.parkNanos(SCAN_NANOS);
            }
        } catch (Throwable t) {
            errors.report("metrics", t);
        }
    }

    private void register(MBeanServer server, StatisticsTable table, String rootClass) throws Exception {
        ObjectName name = name(table, rootClass);
        if (registered.add(name) && !server.isRegistered(name)) {
            server.registerMBean(new StandardMBean(new SerializationTotals(table, rootClass), SerializationTotalsMBean.class), name);
        }
    }

    static ObjectName name(StatisticsTable table, String rootClass) throws MalformedObjectNameException {
        String label = rootClass == null ? OTHER : rootClass;
        // Class names need no quoting, except hidden classes' and odd ones; a quoted value keeps its quotes.
        String value = label.matches("[^,=:*?\"\\\\\\n]+") ? label : ObjectName.quote(label);
        return new ObjectName(DOMAIN + ":type=Serialization,direction=" + table.direction() + ",framework="
                + table.framework() + ",rootClass=" + value);
    }

    /** One row's MBean: reads the table's running totals. */
    private static final class SerializationTotals implements SerializationTotalsMBean {
        private final StatisticsTable table;
        private final String rootClass;

        SerializationTotals(StatisticsTable table, String rootClass) {
            this.table = table;
            this.rootClass = rootClass;
        }

        @Override
        public long getCalls() {
            return table.total(rootClass, ThreadCounts.CALLS);
        }

        @Override
        public long getBytes() {
            return table.total(rootClass, ThreadCounts.BYTES);
        }

        @Override
        public long getTimeNanos() {
            return table.total(rootClass, ThreadCounts.NANOS);
        }

        @Override
        public long getFailures() {
            return table.total(rootClass, ThreadCounts.FAILURES);
        }

        @Override
        public long getLargestCallBytes() {
            return table.largestCall(rootClass);
        }
    }
}
