package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Per channel, the largest values a serial filter's limits (maxdepth, maxrefs, maxarray, maxbytes)
 * were checked against, since the recording asked for them. Written when each chunk ends, with the
 * size of the channel's class set.
 */
@Name(DeserializationLimitsEvent.NAME)
@Label("Deserialization Limits")
@Category({"Java Application", "Serialization"})
@Description("Per channel, the largest graph depth, object references, array length and stream bytes that Java deserialization reached (what a serial filter's maxdepth, maxrefs, maxarray and maxbytes limit); written when a chunk or recording ends")
@Period("endChunk")
@StackTrace(false)
public final class DeserializationLimitsEvent extends jdk.jfr.Event {

    public static final String NAME = "serialscope.DeserializationLimits";

    /** The channel name of the set that takes every channel beyond the agent's limit. */
    public static final String OTHER_CHANNELS = "other channels";

    @Label("Channel")
    @Description("The channel, named as in the Deserialized Class event; 'other channels' for channels beyond the agent's limit")
    public String channel;

    @Label("Classes")
    @Description("Classes in the channel's set, each written as a Deserialized Class event")
    public int classes;

    @Label("Untracked Checks")
    @Description("Filter checks of classes that did not fit in the channel's set (it holds 1024): a filter written from this recording misses them")
    public long untrackedChecks;

    @Label("Largest Depth")
    @Description("Deepest nesting of objects in a graph read (a filter's maxdepth)")
    public long maxDepth;

    @Label("Largest References")
    @Description("Most object references a stream had read, counted from the stream's start (a filter's maxrefs)")
    public long maxReferences;

    @Label("Largest Array")
    @Description("Longest array read (a filter's maxarray)")
    public long maxArrayLength;

    @Label("Largest Stream Bytes")
    @Description("Most bytes a stream had read, counted from the stream's start (a filter's maxbytes)")
    @DataAmount
    public long maxStreamBytes;
}
