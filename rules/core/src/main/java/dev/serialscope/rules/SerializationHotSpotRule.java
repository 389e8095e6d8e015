package dev.serialscope.rules;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.util.TypedPreference;

import dev.serialscope.rules.recording.SerialScopeEvents;

/** Too much time spent writing objects, by root class, call site and channel. */
public final class SerializationHotSpotRule extends HotSpotRule {

    public static final TypedPreference<IQuantity> INFO_SHARE = shareLimit(
            "serialscope.serializationHotSpot.infoShare", "Serialization time share info limit", 10);
    public static final TypedPreference<IQuantity> WARNING_SHARE = shareLimit(
            "serialscope.serializationHotSpot.warningShare", "Serialization time share warning limit", 40);

    public SerializationHotSpotRule() {
        super("serialscope.serializationHotSpot", "Serialization Hot Spot", SerialScopeTopics.SERIALIZATION,
                SerialScopeEvents.WRITE, SerialScopeEvents.SERIALIZATION, "Serialization", INFO_SHARE,
                WARNING_SHARE);
    }

    @Override
    protected String solution() {
        return "Serialize {topClass} less often or make it smaller: send only what changed instead of the whole "
                + "object, cache the serialized bytes of objects that do not change, mark derived or cached fields "
                + "transient, and for small frequent messages use a compact format (DataOutputStream, "
                + "Externalizable, or a schema format such as protobuf).";
    }
}
