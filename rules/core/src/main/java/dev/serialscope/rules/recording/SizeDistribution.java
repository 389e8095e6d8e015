package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * The sizes of every measured call of one direction and root class, summed over the recording's periods: the
 * serialscope.SerializationSizes events, one per size class (from a power of two to the next) and period. Counts
 * are exact per size class; within one, only the bounds are known, so a limit between two bounds is met by "at
 * least" the calls above its size class.
 */
public final class SizeDistribution {

    /** Calls of at least {@code minBytes} and below {@code maxBytes}. */
    public record Bucket(long minBytes, long maxBytes, long calls, long bytes) {
    }

    /** Calls and bytes of the calls of at least a limit; {@code exact} false when only a lower bound is known. */
    public record Count(long calls, long bytes, boolean exact) {
    }

    private final List<Bucket> buckets;

    private SizeDistribution(List<Bucket> buckets) {
        this.buckets = buckets;
    }

    /** The distributions of one direction by root class ({@link StatisticsRow#OTHER_CLASSES} for the other row). */
    public static Map<String, SizeDistribution> readAll(IItemCollection items, String direction) {
        Map<String, TreeMap<Long, Bucket>> byClass = new HashMap<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.SIZES))) {
            IMemberAccessor<String, IItem> directionField = EventFields.accessor(SerialScopeEvents.DIRECTION,
                    batch.getType());
            IMemberAccessor<IMCType, IItem> rootClass = EventFields.accessor(SerialScopeEvents.ROOT_CLASS,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> minBytes = EventFields.accessor(SerialScopeEvents.MIN_BYTES,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> maxBytes = EventFields.accessor(SerialScopeEvents.MAX_BYTES,
                    batch.getType());
            IMemberAccessor<IQuantity, IItem> calls = EventFields.accessor(SerialScopeEvents.CALLS, batch.getType());
            IMemberAccessor<IQuantity, IItem> bytes = EventFields.accessor(SerialScopeEvents.BYTES, batch.getType());
            for (IItem item : batch) {
                if (!direction.equals(EventFields.get(directionField, item))) {
                    continue;
                }
                IMCType type = EventFields.get(rootClass, item);
                String name = type == null ? StatisticsRow.OTHER_CLASSES : Composition.stableName(type.getFullName());
                long min = EventFields.longValue(EventFields.get(minBytes, item), UnitLookup.BYTE, 0);
                long max = EventFields.longValue(EventFields.get(maxBytes, item), UnitLookup.BYTE, Long.MAX_VALUE);
                long count = EventFields.longValue(EventFields.get(calls, item), UnitLookup.NUMBER_UNITY, 0);
                long sum = EventFields.longValue(EventFields.get(bytes, item), UnitLookup.BYTE, 0);
                byClass.computeIfAbsent(name, ignored -> new TreeMap<>()).merge(min, new Bucket(min, max, count, sum),
                        (a, b) -> new Bucket(min, Math.max(a.maxBytes(), b.maxBytes()), a.calls() + b.calls(),
                                a.bytes() + b.bytes()));
            }
        }
        Map<String, SizeDistribution> distributions = new HashMap<>();
        byClass.forEach((name, buckets) -> distributions.put(name,
                new SizeDistribution(Collections.unmodifiableList(new ArrayList<>(buckets.values())))));
        return distributions;
    }

    /** Smallest sizes first. */
    public List<Bucket> buckets() {
        return buckets;
    }

    public long calls() {
        return buckets.stream().mapToLong(Bucket::calls).sum();
    }

    /** The calls of at least {@code limit} bytes: exact when the limit is a bound, else those of the size classes above it. */
    public Count atLeast(long limit) {
        long calls = 0;
        long bytes = 0;
        boolean exact = true;
        for (Bucket bucket : buckets) {
            if (bucket.minBytes() >= limit) {
                calls += bucket.calls();
                bytes += bucket.bytes();
            } else if (bucket.maxBytes() > limit) {
                exact = false;
            }
        }
        return new Count(calls, bytes, exact);
    }

    /**
     * A size that the nearest-rank {@code fraction} percentile does not exceed: the upper bound of its size class,
     * or {@code largest} (the largest call, exact) when smaller. 0 without calls.
     */
    public long percentileAtMost(double fraction, long largest) {
        long rank = (long) Math.ceil(fraction * calls());
        long seen = 0;
        for (Bucket bucket : buckets) {
            seen += bucket.calls();
            if (seen >= rank && rank > 0) {
                return Math.min(bucket.maxBytes(), largest);
            }
        }
        return 0;
    }
}
