package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Never written. JFR runs periodic hooks with a time period only while a chunk is open, so the
 * agent hangs the last statistics of each chunk on this end-of-chunk hook.
 */
@Name(StatisticsFlushEvent.NAME)
@Label("Serialization Statistics Flush")
@Category({"Java Application", "Serialization"})
@Description("Internal trigger that writes the last Serialization Statistics rows when a recording or chunk ends; no event of this type is ever written")
@Period("endChunk")
@StackTrace(false)
public final class StatisticsFlushEvent extends jdk.jfr.Event {
    public static final String NAME = "serialscope.StatisticsFlush";
}
