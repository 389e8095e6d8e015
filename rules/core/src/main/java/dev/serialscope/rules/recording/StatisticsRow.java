package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * One serialscope.SerializationStatistics event: the totals of one direction and root class over
 * one period. These count every call, also those whose per-call event a threshold suppressed; the time
 * is measured on {@code timedCalls} of them (all, in recordings made before timing was a setting).
 * Recordings made before a counter existed read it as 0, except {@link #detailed}, which tells them apart.
 * {@code serializedOutputs} are writes of a byte array that holds an earlier write's output: part of calls and bytes.
 */
public record StatisticsRow(String direction, String rootClass, long calls, long bytes, long totalTimeNanos,
        long timedCalls, long failures, long endNanos, boolean detailed, long newStreams, long descriptorBytes,
        long unfilteredCalls, long repeatedRoots, long repeatedBytes, long largestCall, long serializedOutputs,
        long serializedOutputBytes) {

    /** The root class of the row that sums the classes outside the top N. */
    public static final String OTHER_CLASSES = "(other classes)";

    /** The rows of one direction ({@link SerialScopeEvents#WRITE} or {@link SerialScopeEvents#READ}). */
    public static List<StatisticsRow> readAll(IItemCollection items, String direction) {
        List<StatisticsRow> rows = new ArrayList<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.STATISTICS))) {
            IMemberAccessor<String, IItem> directionField = EventFields.accessor(SerialScopeEvents.DIRECTION, batch.getType());
            IMemberAccessor<IMCType, IItem> rootClass = EventFields.accessor(SerialScopeEvents.ROOT_CLASS, batch.getType());
            IMemberAccessor<IQuantity, IItem> calls = EventFields.accessor(SerialScopeEvents.CALLS, batch.getType());
            IMemberAccessor<IQuantity, IItem> bytes = EventFields.accessor(SerialScopeEvents.BYTES, batch.getType());
            IMemberAccessor<IQuantity, IItem> time = EventFields.accessor(SerialScopeEvents.TOTAL_TIME, batch.getType());
            IMemberAccessor<IQuantity, IItem> timed = EventFields.accessor(SerialScopeEvents.TIMED_CALLS, batch.getType());
            IMemberAccessor<IQuantity, IItem> failures = EventFields.accessor(SerialScopeEvents.FAILURES, batch.getType());
            IMemberAccessor<IQuantity, IItem> end = EventFields.accessor(JfrAttributes.END_TIME, batch.getType());
            IMemberAccessor<IQuantity, IItem> newStreams = EventFields.accessor(SerialScopeEvents.NEW_STREAMS, batch.getType());
            IMemberAccessor<IQuantity, IItem> descriptorBytes = EventFields.accessor(SerialScopeEvents.DESCRIPTOR_BYTES,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> unfiltered = EventFields.accessor(SerialScopeEvents.UNFILTERED_CALLS,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> repeatedRoots = EventFields.accessor(SerialScopeEvents.REPEATED_ROOTS,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> repeatedBytes = EventFields.accessor(SerialScopeEvents.REPEATED_BYTES,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> largestCall = EventFields.accessor(SerialScopeEvents.LARGEST_CALL,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> serializedOutputs = EventFields.accessor(
                    SerialScopeEvents.SERIALIZED_OUTPUTS, batch.getType());
            IMemberAccessor<IQuantity, IItem> serializedOutputBytes = EventFields.accessor(
                    SerialScopeEvents.SERIALIZED_OUTPUT_BYTES, batch.getType());
            boolean detailed = newStreams != null;
            for (IItem item : batch) {
                if (!direction.equals(EventFields.get(directionField, item))) {
                    continue;
                }
                IMCType type = EventFields.get(rootClass, item);
                long callCount = EventFields.longValue(EventFields.get(calls, item), UnitLookup.NUMBER_UNITY, 0);
                rows.add(new StatisticsRow(direction,
                        type == null ? OTHER_CLASSES : Composition.stableName(type.getFullName()),
                        callCount,
                        EventFields.longValue(EventFields.get(bytes, item), UnitLookup.BYTE, 0),
                        EventFields.longValue(EventFields.get(time, item), UnitLookup.NANOSECOND, 0),
                        EventFields.longValue(EventFields.get(timed, item), UnitLookup.NUMBER_UNITY, callCount),
                        EventFields.longValue(EventFields.get(failures, item), UnitLookup.NUMBER_UNITY, 0),
                        EventFields.longValue(EventFields.get(end, item), UnitLookup.EPOCH_NS, 0),
                        detailed,
                        EventFields.longValue(EventFields.get(newStreams, item), UnitLookup.NUMBER_UNITY, 0),
                        EventFields.longValue(EventFields.get(descriptorBytes, item), UnitLookup.BYTE, 0),
                        EventFields.longValue(EventFields.get(unfiltered, item), UnitLookup.NUMBER_UNITY, 0),
                        EventFields.longValue(EventFields.get(repeatedRoots, item), UnitLookup.NUMBER_UNITY, 0),
                        EventFields.longValue(EventFields.get(repeatedBytes, item), UnitLookup.BYTE, 0),
                        EventFields.longValue(EventFields.get(largestCall, item), UnitLookup.BYTE, 0),
                        EventFields.longValue(EventFields.get(serializedOutputs, item), UnitLookup.NUMBER_UNITY, 0),
                        EventFields.longValue(EventFields.get(serializedOutputBytes, item), UnitLookup.BYTE, 0)));
            }
        }
        return rows;
    }

    /** Whether all the row's calls wrote bytes already counted once: none is a payload of its own. */
    public boolean onlySerializedOutput() {
        return serializedOutputs > 0 && serializedOutputs == calls;
    }

    public static long totalCalls(List<StatisticsRow> rows) {
        return rows.stream().mapToLong(StatisticsRow::calls).sum();
    }

    public static long totalBytes(List<StatisticsRow> rows) {
        return rows.stream().mapToLong(StatisticsRow::bytes).sum();
    }

    /** Whether every row carries the detail counters (new streams, descriptors, unfiltered and repeated). */
    public static boolean detailed(List<StatisticsRow> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(StatisticsRow::detailed);
    }

    public static long totalTimedCalls(List<StatisticsRow> rows) {
        return rows.stream().mapToLong(StatisticsRow::timedCalls).sum();
    }
}
