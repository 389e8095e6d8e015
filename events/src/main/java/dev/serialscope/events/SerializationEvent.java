package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;

/** One top-level serialization call; nested calls from custom writeObject methods are part of it. */
@Name(SerializationEvent.NAME)
@Label("Serialization")
@Category({"Java Application", "Serialization"})
@Description("A top-level serialization call: one object graph written to a stream. Calls nested inside custom writeObject methods belong to their parent")
public final class SerializationEvent extends ContentHashedCallEvent {

    public static final String NAME = "serialscope.Serialization";

    @Label("Serialized Output")
    @Description("The root is a byte array that holds the output of an earlier serialization call of the same thread "
            + "(as long as that call's bytes, or a stream header longer), e.g. Spark's broadcast blocks: those bytes are counted already")
    public boolean serializedOutput;

    @Label("Call Threshold")
    @Description("Write the event when the call wrote at least this many bytes or took at least this long, e.g. 64 KiB or 10 ms; 0 B writes every call")
    @Name("callThreshold")
    @SettingDefinition
    protected boolean callThreshold(SerializationThreshold setting) {
        return true;
    }
}
