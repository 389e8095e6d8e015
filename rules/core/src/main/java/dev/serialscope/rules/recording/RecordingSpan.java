package dev.serialscope.rules.recording;

import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * The time from the first event of a recording to the last, in one pass over all items (RulesToolkit's earliest
 * start and latest end take a pass each).
 */
final class RecordingSpan {

    /** How far two times converted to nanoseconds may be off from the order of their quantities. */
    private static final long ROUNDING_NANOS = 2;

    private RecordingSpan() {
    }

    /** RulesToolkit.getLatestEndTime(items) - getEarliestStartTime(items), in one pass. */
    static long of(IItemCollection items) {
        // A quantity's compareTo converts units, and the end time accessor adds the duration in a new quantity, on
        // every call: the times are compared as nanoseconds first, and only near-ties (conversions round) as
        // quantities, so that the result is exactly JMC's.
        IQuantity start = null;
        IQuantity end = null;
        long startNanos = Long.MAX_VALUE;
        long endNanos = Long.MIN_VALUE;
        QuantityConverter epochNanos = new QuantityConverter(UnitLookup.EPOCH_NS);
        QuantityConverter nanos = new QuantityConverter(UnitLookup.NANOSECOND);
        for (IItemIterable batch : items) {
            IMemberAccessor<IQuantity, IItem> startTime = EventFields.accessor(JfrAttributes.START_TIME, batch.getType());
            IMemberAccessor<IQuantity, IItem> duration = EventFields.accessor(JfrAttributes.DURATION, batch.getType());
            IMemberAccessor<IQuantity, IItem> endTime = EventFields.accessor(JfrAttributes.END_TIME, batch.getType());
            for (IItem item : batch) {
                IQuantity itemStart = EventFields.get(startTime, item);
                if (itemStart != null) {
                    long itemStartNanos = epochNanos.toLong(itemStart, 0);
                    if (itemStartNanos - ROUNDING_NANOS <= startNanos
                            && (start == null || itemStart.compareTo(start) < 0)) {
                        start = itemStart;
                        startNanos = itemStartNanos;
                    }
                    IQuantity itemDuration = EventFields.get(duration, item);
                    if (itemDuration != null
                            && itemStartNanos + nanos.toLong(itemDuration, 0) + ROUNDING_NANOS < endNanos) {
                        continue;
                    }
                }
                IQuantity itemEnd = EventFields.get(endTime, item);
                if (itemEnd != null && (end == null || itemEnd.compareTo(end) > 0)) {
                    end = itemEnd;
                    endNanos = epochNanos.toLong(itemEnd, 0);
                }
            }
        }
        return start == null || end == null ? 0 : end.subtract(start).clampedLongValueIn(UnitLookup.NANOSECOND);
    }
}
