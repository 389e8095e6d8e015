package dev.serialscope.rules.recording;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IScalarAffineTransform;
import org.openjdk.jmc.common.unit.IUnit;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * {@link IQuantity#clampedLongValueIn} into one unit, with the conversion looked up once per unit of the quantities
 * instead of once per call: JMC works out a new scale factor on every call, which was a tenth of {@code analyze} on
 * millions of events. Not thread-safe: one converter per reading thread.
 */
final class QuantityConverter {

    /** The class of quantities stored as a long (the parser makes those of integer fields). */
    private static final Class<?> LONG_STORED = UnitLookup.BYTE.quantity(0L).getClass();

    private final IUnit target;
    private IUnit unit;
    private IScalarAffineTransform transform;

    QuantityConverter(IUnit target) {
        this.target = target;
    }

    /** The quantity in the target unit, or {@code missing} for null. */
    long toLong(IQuantity quantity, long missing) {
        if (quantity == null) {
            return missing;
        }
        if (quantity.getClass() != LONG_STORED) {
            return quantity.clampedLongValueIn(target);
        }
        if (quantity.getUnit() != unit) {
            unit = quantity.getUnit();
            transform = unit.valueTransformTo(target);
        }
        // What clampedLongValueIn computes for a long-stored quantity.
        return transform.targetValue(quantity.longValue());
    }
}
