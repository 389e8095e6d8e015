package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Totals of every I/O operation on sockets, socket channels, process pipes, standard streams and
 * files since the previous period, with no threshold: one event per channel and direction (the
 * channels with the most bytes, then one "other channels" row). Field names never change.
 */
@Name(ChannelStatisticsEvent.NAME)
@Label("Channel Statistics")
@Category({"Java Application", "Serialization", "IPC"})
@Description("Every read and write on sockets, socket channels, process pipes, standard streams and files since the previous period, per channel and direction, with the share that came from a serialization call in progress on the same thread. The last rows of a recording come when it ends")
@Period("1 s")
@StackTrace(false)
public final class ChannelStatisticsEvent extends jdk.jfr.Event {

    public static final String NAME = "serialscope.ChannelStatistics";
    public static final String WRITE = "write";
    public static final String READ = "read";
    /** Channel name of the row that sums the channels past the top ones. */
    public static final String OTHER_CHANNELS = "other channels";

    @Label("Channel")
    @Description("socket <address>:<port> (the peer), socket <path> (Unix-domain), pipe (child pid <pid>), stdin, stdout, stderr, file <path>, file descriptor, or other channels; the same names as the channel field of Serialization events")
    public String channel;

    @Label("Direction")
    @Description("write or read")
    public String direction;

    @Label("Operations")
    @Description("Write (read) operations on the channel in the period: each call of the JDK's lowest-level write (read) method")
    public int operations;

    @Label("Bytes")
    @Description("Bytes written to (read from) the channel in the period")
    @DataAmount
    public long bytes;

    @Label("Serialized Bytes")
    @Description("Part of Bytes moved while a serialization or deserialization call (java, kryo, jackson, protobuf) or an ObjectOutputStream flush was in progress on the same thread")
    @DataAmount
    public long serializedBytes;

    @Label("I/O Time")
    @Description("Wall-clock time spent in those operations, including time blocked waiting for the peer")
    @Timespan(Timespan.NANOSECONDS)
    public long totalTime;

    @Label("Largest Operation")
    @Description("Bytes of the largest single operation in the period")
    @DataAmount
    public long largestOperation;
}
