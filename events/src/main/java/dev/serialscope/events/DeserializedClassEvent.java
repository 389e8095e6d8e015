package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A class that Java deserialization resolved on a channel: every class a serial filter (JEP 290) is
 * asked about there. Written when the class first appears on the channel in a chunk, and for the
 * classes known from earlier chunks when a chunk ends, so that every chunk holds the channel's whole
 * set and a filter can be written from any one of them.
 */
@Name(DeserializedClassEvent.NAME)
@Label("Deserialized Class")
@Category({"Java Application", "Serialization"})
@Description("A class resolved while deserializing on a channel (root or nested, an array class, a proxy interface: what a serial filter checks); written the first time in each chunk, and at the end of each chunk for the classes seen earlier")
@StackTrace(false)
public final class DeserializedClassEvent extends jdk.jfr.Event {

    public static final String NAME = "serialscope.DeserializedClass";

    @Label("Channel")
    @Description("Where the bytes came from, named as in the Deserialization event: socket <ip>:<port>, pipe (child pid <pid>), file <path>, stdin, memory, ...")
    public String channel;

    @Label("Class")
    @Description("The class the stream resolved; arrays as array classes (a filter checks their component type)")
    public Class<?> serialClass;
}
