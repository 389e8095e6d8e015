package dev.serialscope.rules;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.util.TypedPreference;

import dev.serialscope.rules.recording.SerialScopeEvents;

/** Too much time spent reading objects, by root class, call site and channel. */
public final class DeserializationHotSpotRule extends HotSpotRule {

    public static final TypedPreference<IQuantity> INFO_SHARE = shareLimit(
            "serialscope.deserializationHotSpot.infoShare", "Deserialization time share info limit", 10);
    public static final TypedPreference<IQuantity> WARNING_SHARE = shareLimit(
            "serialscope.deserializationHotSpot.warningShare", "Deserialization time share warning limit", 40);

    public DeserializationHotSpotRule() {
        super("serialscope.deserializationHotSpot", "Deserialization Hot Spot", SerialScopeTopics.DESERIALIZATION,
                SerialScopeEvents.READ, SerialScopeEvents.DESERIALIZATION, "Deserialization", INFO_SHARE,
                WARNING_SHARE);
    }

    @Override
    protected String solution() {
        return "Read {topClass} less often or make it smaller: have the sender send only what changed, keep "
                + "decoded copies of data that does not change instead of reading it again, and avoid expensive "
                + "readObject/readResolve methods on hot classes; for small frequent messages use a compact format "
                + "(DataInputStream, Externalizable, or a schema format such as protobuf).";
    }
}
