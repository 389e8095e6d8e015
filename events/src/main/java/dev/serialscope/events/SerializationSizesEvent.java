package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The size distribution of the calls of one Serialization Statistics row: one event per log2 size class
 * that had calls in the period, written with that row.
 */
@Name(SerializationSizesEvent.NAME)
@Label("Serialization Sizes")
@Category({"Java Application", "Serialization"})
@Description("How many top-level calls of one direction, framework and root class fell into one size class (below 64 bytes, then from each power of two to the next, then 1 GiB and more) since the previous period; written with the Serialization Statistics row of the same class, only for size classes that had calls. Counts every measured call, thresholds or not")
@StackTrace(false)
public final class SerializationSizesEvent extends jdk.jfr.Event {

    public static final String NAME = "serialscope.SerializationSizes";

    @Label("Direction")
    @Description("write (serialization) or read (deserialization)")
    public String direction;

    @Label("Framework")
    @Description("Serialization library: java, kryo, jackson or protobuf")
    public String framework;

    @Label("Root Class")
    @Description("Class of the top-level objects; empty in the row that sums all other classes")
    public Class<?> rootClass;

    @Label("From Size")
    @Description("The smallest size of the size class: 0, 64 bytes or a larger power of two")
    @DataAmount
    public long minBytes;

    @Label("Below Size")
    @Description("The size the calls of the size class stay below: the next power of two; Long.MAX_VALUE for 1 GiB and more")
    @DataAmount
    public long maxBytes;

    @Label("Calls")
    @Description("Calls in the period of at least From Size and below Below Size")
    public int calls;

    @Label("Bytes")
    @Description("Bytes of those calls")
    @DataAmount
    public long bytes;
}
