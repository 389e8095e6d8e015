package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * Reads the serialscope.DeserializedClass and serialscope.DeserializationLimits events into one
 * {@link ChannelClasses} per channel. Every chunk repeats the set, so the classes are united and the
 * maxima (which only grow) are the largest of any chunk.
 */
public final class DeserializedClasses {

    private DeserializedClasses() {
    }

    /** Whether the recording has the events at all (made by an agent that writes them, with them enabled). */
    public static boolean recorded(IItemCollection items) {
        return items.apply(ItemFilters.type(SerialScopeEvents.DESERIALIZATION_LIMITS)).hasItems()
                || items.apply(ItemFilters.type(SerialScopeEvents.DESERIALIZED_CLASS)).hasItems();
    }

    /** The channels, sorted by name. */
    public static List<ChannelClasses> read(IItemCollection items) {
        Map<String, Map<String, Integer>> classes = new TreeMap<>();
        Map<String, long[]> limits = new TreeMap<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.DESERIALIZED_CLASS))) {
            IMemberAccessor<String, IItem> channel = EventFields.accessor(SerialScopeEvents.CHANNEL, batch.getType());
            IMemberAccessor<IMCType, IItem> type = EventFields.accessor(SerialScopeEvents.SERIAL_CLASS, batch.getType());
            for (IItem item : batch) {
                IMCType serialClass = EventFields.get(type, item);
                if (serialClass != null) {
                    classes.computeIfAbsent(name(EventFields.get(channel, item)), k -> new TreeMap<>())
                            .merge(serialClass.getFullName(), 1, Integer::sum);
                }
            }
        }
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.DESERIALIZATION_LIMITS))) {
            IMemberAccessor<String, IItem> channel = EventFields.accessor(SerialScopeEvents.CHANNEL, batch.getType());
            IMemberAccessor<Number, IItem> depth = EventFields.accessor(SerialScopeEvents.MAX_DEPTH, batch.getType());
            IMemberAccessor<Number, IItem> references =
                    EventFields.accessor(SerialScopeEvents.MAX_REFERENCES, batch.getType());
            IMemberAccessor<Number, IItem> array = EventFields.accessor(SerialScopeEvents.MAX_ARRAY_LENGTH, batch.getType());
            IMemberAccessor<IQuantity, IItem> bytes =
                    EventFields.accessor(SerialScopeEvents.MAX_STREAM_BYTES, batch.getType());
            IMemberAccessor<Number, IItem> untracked =
                    EventFields.accessor(SerialScopeEvents.UNTRACKED_CHECKS, batch.getType());
            for (IItem item : batch) {
                long[] max = limits.computeIfAbsent(name(EventFields.get(channel, item)), k -> new long[5]);
                max[0] = Math.max(max[0], EventFields.rawLong(EventFields.get(depth, item)));
                max[1] = Math.max(max[1], EventFields.rawLong(EventFields.get(references, item)));
                max[2] = Math.max(max[2], EventFields.rawLong(EventFields.get(array, item)));
                max[3] = Math.max(max[3], EventFields.longValue(EventFields.get(bytes, item), UnitLookup.BYTE, 0));
                max[4] = Math.max(max[4], EventFields.rawLong(EventFields.get(untracked, item)));
            }
        }
        Set<String> channels = new TreeSet<>(classes.keySet());
        channels.addAll(limits.keySet());
        List<ChannelClasses> result = new ArrayList<>();
        for (String channel : channels) {
            long[] max = limits.getOrDefault(channel, new long[5]);
            result.add(new ChannelClasses(channel, classes.getOrDefault(channel, Map.of()), max[0], max[1], max[2],
                    max[3], max[4]));
        }
        return List.copyOf(result);
    }

    private static String name(String channel) {
        return channel == null ? "unknown" : channel;
    }
}
