package dev.serialscope.rules;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;

/**
 * One per-call event (serialscope.Serialization or serialscope.Deserialization) with the fields the
 * rules use: a row of a {@link CallTable}, for code that handles calls one by one.
 */
public record Call(
        String rootClass,
        /** -1 when the stream could not be measured. */
        long bytes,
        int classDescriptors,
        /** Bytes of those descriptors, part of bytes; -1 when not measured. */
        long classDescriptorBytes,
        long identity,
        long contentHash,
        String channel,
        long streamId,
        boolean filtered,
        long startNanos,
        long durationNanos,
        String site,
        /** Links the call to its Serialization Composition events; 0 in recordings of older agents. */
        long callId) {

    /** The root class of a read that failed before it had an object. */
    public static final String NO_OBJECT = "(no object)";

    /** Bytes for sums: an unmeasured call adds nothing rather than -1. */
    public long countedBytes() {
        return Math.max(bytes, 0);
    }

    /**
     * What the rules read once and share, per item collection (weakly: it goes with the recording) and key (softly: a
     * memory-hungry JMC may drop it and read again). Every rule reads the same calls; without this each of the
     * eight that need them built its own copy, which on millions of calls cost more than parsing the file.
     */
    private static final Map<IItemCollection, Map<String, Shared<?>>> SHARED = new WeakHashMap<>();

    /** One value of one collection, made once by the first rule that asks; the others wait for it. */
    private static final class Shared<T> {
        private SoftReference<T> value = new SoftReference<>(null);

        synchronized T get(IItemCollection items, Function<IItemCollection, T> reader) {
            T read = value.get();
            if (read == null) {
                read = reader.apply(items);
                value = new SoftReference<>(read);
            }
            return read;
        }
    }

    /** What the reader makes of the items, made once per collection and key and shared by all callers. */
    @SuppressWarnings("unchecked")
    static <T> T shared(IItemCollection items, String key, Function<IItemCollection, T> reader) {
        Shared<T> shared;
        synchronized (SHARED) {
            shared = (Shared<T>) SHARED.computeIfAbsent(items, k -> new HashMap<>()).computeIfAbsent(key,
                    k -> new Shared<T>());
        }
        return shared.get(items, reader);
    }

    /** The per-call events of one type, oldest first; the table is shared by all callers and cannot be changed. */
    public static CallTable readAll(IItemCollection items, String eventType) {
        return shared(items, eventType, collection -> CallTable.read(collection, eventType));
    }

    static <T> IMemberAccessor<T, IItem> accessor(IAttribute<T> attribute, IType<IItem> type) {
        return attribute.getAccessor(type);
    }

    static <T> T get(IMemberAccessor<T, IItem> accessor, IItem item) {
        return accessor == null ? null : accessor.getMember(item);
    }

    static long longValue(IQuantity quantity, org.openjdk.jmc.common.unit.IUnit unit, long missing) {
        return quantity == null ? missing : quantity.clampedLongValueIn(unit);
    }

    static long rawLong(Number number) {
        return number == null ? 0 : number.longValue();
    }
}
