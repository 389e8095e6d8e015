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
public final class SerializationEvent extends SerializationCallEvent {

    public static final String NAME = "serialscope.Serialization";

    @Label("Size Threshold")
    @Description("Write the event when the call wrote at least this many bytes, or took at least the duration threshold")
    @Name("sizeThreshold")
    @SettingDefinition
    protected boolean sizeThreshold(SerializationSizeThreshold setting) {
        return true;
    }

    @Label("Duration Threshold")
    @Description("Write the event when the call took at least this long, or wrote at least the size threshold")
    @Name("durationThreshold")
    @SettingDefinition
    protected boolean durationThreshold(SerializationDurationThreshold setting) {
        return true;
    }

    @Label("Content Hash")
    @Description("Fingerprint the bytes of each call (costs a pass over every byte written)")
    @Name("contentHash")
    @SettingDefinition
    protected boolean contentHash(ContentHashSetting setting) {
        return true;
    }
}
