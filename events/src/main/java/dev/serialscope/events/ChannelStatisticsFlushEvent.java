package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Never written: the end-of-chunk hook on which the agent writes the last Channel Statistics rows
 * of each chunk (a time-period hook only runs while a chunk is open).
 */
@Name(ChannelStatisticsFlushEvent.NAME)
@Label("Channel Statistics Flush")
@Category({"Java Application", "Serialization", "IPC"})
@Description("Internal trigger that writes the last Channel Statistics rows when a recording or chunk ends; no event of this type is ever written")
@Period("endChunk")
@StackTrace(false)
public final class ChannelStatisticsFlushEvent extends jdk.jfr.Event {
    public static final String NAME = "serialscope.ChannelStatisticsFlush";
}
