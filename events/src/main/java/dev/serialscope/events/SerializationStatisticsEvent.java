package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.SettingDefinition;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Totals of every top-level call since the previous period, thresholds or not: one event per
 * direction, framework and root class (the classes with the most bytes, then one "other" row).
 */
@Name(SerializationStatisticsEvent.NAME)
@Label("Serialization Statistics")
@Category({"Java Application", "Serialization"})
@Description("Every top-level serialization and deserialization call since the previous period, per direction, framework and root class, counted whether or not a per-call event passed its thresholds. The last rows of a recording come when it ends")
@Period("1 s")
@StackTrace(false)
public final class SerializationStatisticsEvent extends jdk.jfr.Event {

    public static final String NAME = "serialscope.SerializationStatistics";
    public static final String WRITE = "write";
    public static final String READ = "read";

    @Label("Direction")
    @Description("write (serialization) or read (deserialization)")
    public String direction;

    @Label("Framework")
    @Description("Serialization library: java, kryo, jackson or protobuf")
    public String framework;

    @Label("Root Class")
    @Description("Class of the top-level objects; empty in the row that sums all other classes")
    public Class<?> rootClass;

    @Label("Root Class Name")
    @Description("Name of the root class as it reads in every run: a lambda class is Owner$$Lambda, without the suffix the JVM gives a hidden class (it differs from run to run and per class loader); empty when Root Class is")
    public String rootClassName;

    @Label("Classes")
    @Description("Number of root classes summed in this row: 1 for a class row, more in the other row")
    public int classes;

    @Label("Calls")
    @Description("Top-level calls in the period")
    public int calls;

    @Label("Bytes")
    @Description("Bytes of those calls that could be measured")
    @DataAmount
    public long bytes;

    @Label("Call Time")
    @Description("Wall-clock time spent in those calls: measured when every call is timed, else estimated from the timed calls (each stands for the calls its timing setting skips)")
    @Timespan(Timespan.NANOSECONDS)
    public long totalTime;

    @Label("Timed Calls")
    @Description("Calls whose duration was measured: all of them with timing 'all', about one in N with '1/N'")
    public int timedCalls;

    @Label("Failures")
    @Description("Calls that threw an exception")
    public int failures;

    @Label("New Streams")
    @Description("Java calls that were the first on their ObjectOutputStream: the streams that wrote a stream header (4 bytes, before the first call) in the period; 0 for reads and other frameworks")
    public int newStreams;

    @Label("Class Descriptor Bytes")
    @Description("Bytes of class descriptors inside those calls (java serialization; part of Bytes)")
    @DataAmount
    public long descriptorBytes;

    @Label("Unfiltered Reads")
    @Description("Java reads from an ObjectInputStream without a serial filter and without a resolveClass override of its own (any channel)")
    public int unfilteredCalls;

    @Label("Repeated Roots")
    @Description("Java writes of at least 1 KiB whose root object the same thread had written shortly before at the same size (one of its last 64 such roots, by identity hash, class and size)")
    public int repeatedRoots;

    @Label("Repeated Root Bytes")
    @Description("Bytes of the calls counted in Repeated Roots")
    @DataAmount
    public long repeatedBytes;

    @Label("Largest Call")
    @Description("Bytes of the largest measured call in the period (its size class and the others are in Serialization Sizes)")
    @DataAmount
    public long largestCall;

    @Label("Serialized Output Writes")
    @Description("Java writes of a byte array that holds the output of an earlier write of the same thread (e.g. a Spark broadcast block): bytes already counted once, part of Calls")
    public int serializedOutputs;

    @Label("Serialized Output Bytes")
    @Description("Bytes of the calls counted in Serialized Output Writes (part of Bytes)")
    @DataAmount
    public long serializedOutputBytes;

    @Label("Timing")
    @Description("Which calls have their duration measured: all, or one in N (1/16)")
    @Name("timing")
    @SettingDefinition
    protected boolean timing(TimingSample setting) {
        return true;
    }
}
