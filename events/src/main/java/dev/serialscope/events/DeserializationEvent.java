package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;

/** One top-level deserialization call; nested calls from custom readObject methods are part of it. */
@Name(DeserializationEvent.NAME)
@Label("Deserialization")
@Category({"Java Application", "Serialization"})
@Description("A top-level deserialization call: one object graph read from a stream. Calls nested inside custom readObject methods belong to their parent. Content Hash is set, with the contentHash setting of Serialization, for reads from a ByteArrayInputStream (the bytes the call consumed), 0 otherwise")
public final class DeserializationEvent extends GadgetWatchingCallEvent {

    public static final String NAME = "serialscope.Deserialization";

    @Label("Filtered")
    @Description("Whether a serial filter (JEP 290/415) applied to the stream during this call")
    public boolean filtered;

    @Label("Resolve Class Overridden")
    @Description("Whether the stream checks classes in its own resolveClass, as look-ahead streams that allow-list classes do (Commons IO's ValidatingObjectInputStream; Tomcat's CustomObjectInputStream and Hazelcast's stream when an allow-list is configured): a check of their own that a serial filter does not show. False for overrides known to pick only a class loader")
    public boolean resolveClassOverridden;

    @Label("Call Threshold")
    @Description("Write the event when the call read at least this many bytes or took at least this long, e.g. 64 KiB or 10 ms; 0 B writes every call")
    @Name("callThreshold")
    @SettingDefinition
    protected boolean callThreshold(DeserializationThreshold setting) {
        return true;
    }
}
