package dev.serialscope.rules.recording;

import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IUnit;

/** Reads event fields that a recording may lack (older agents, other event types): a missing field reads as null. */
public final class EventFields {

    private EventFields() {
    }

    public static <T> IMemberAccessor<T, IItem> accessor(IAttribute<T> attribute, IType<IItem> type) {
        return attribute.getAccessor(type);
    }

    public static <T> T get(IMemberAccessor<T, IItem> accessor, IItem item) {
        return accessor == null ? null : accessor.getMember(item);
    }

    public static long longValue(IQuantity quantity, IUnit unit, long missing) {
        return quantity == null ? missing : quantity.clampedLongValueIn(unit);
    }

    public static long rawLong(Number number) {
        return number == null ? 0 : number.longValue();
    }
}
