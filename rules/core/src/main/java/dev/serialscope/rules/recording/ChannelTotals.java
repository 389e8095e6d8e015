package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * One channel and direction summed over all serialscope.ChannelStatistics events of a recording:
 * every read or write the agent saw, threshold or not.
 */
public record ChannelTotals(String channel, String direction, long operations, long bytes, long serializedBytes,
        long totalNanos) {

    /** Whether the channel leaves the process: sockets and pipes to child processes (not files, not stdio). */
    public boolean interProcess() {
        return channel.startsWith("socket ") || channel.startsWith("pipe ");
    }

    public double averageBytes() {
        return operations == 0 ? 0 : (double) bytes / operations;
    }

    /** All channels and directions, the most bytes first. */
    public static List<ChannelTotals> readAll(IItemCollection items) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.CHANNEL_STATISTICS))) {
            IMemberAccessor<String, IItem> channel = EventFields.accessor(SerialScopeEvents.CHANNEL, batch.getType());
            IMemberAccessor<String, IItem> direction = EventFields.accessor(SerialScopeEvents.DIRECTION, batch.getType());
            IMemberAccessor<IQuantity, IItem> operations = EventFields.accessor(SerialScopeEvents.OPERATIONS, batch.getType());
            IMemberAccessor<IQuantity, IItem> bytes = EventFields.accessor(SerialScopeEvents.BYTES, batch.getType());
            IMemberAccessor<IQuantity, IItem> serialized =
                    EventFields.accessor(SerialScopeEvents.SERIALIZED_BYTES, batch.getType());
            IMemberAccessor<IQuantity, IItem> time = EventFields.accessor(SerialScopeEvents.TOTAL_TIME, batch.getType());
            for (IItem item : batch) {
                String name = EventFields.get(channel, item);
                String dir = EventFields.get(direction, item);
                long[] sum = sums.computeIfAbsent((name == null ? "unknown" : name) + "\u0000" + dir, k -> new long[4]);
                sum[0] += EventFields.longValue(EventFields.get(operations, item), UnitLookup.NUMBER_UNITY, 0);
                sum[1] += EventFields.longValue(EventFields.get(bytes, item), UnitLookup.BYTE, 0);
                sum[2] += EventFields.longValue(EventFields.get(serialized, item), UnitLookup.BYTE, 0);
                sum[3] += EventFields.longValue(EventFields.get(time, item), UnitLookup.NANOSECOND, 0);
            }
        }
        List<ChannelTotals> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            int split = key.indexOf('\u0000');
            rows.add(new ChannelTotals(key.substring(0, split), key.substring(split + 1), sum[0], sum[1], sum[2], sum[3]));
        });
        rows.sort(Comparator.comparingLong(ChannelTotals::bytes).reversed());
        return rows;
    }
}
