package dev.serialscope.rules;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * One per-call event (serialscope.Serialization or serialscope.Deserialization) with the fields the
 * rules use, read once so that each rule can group and sort in plain Java.
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

    public boolean measured() {
        return bytes >= 0;
    }

    /** Bytes for sums: an unmeasured call adds nothing rather than -1. */
    public long countedBytes() {
        return Math.max(bytes, 0);
    }

    /**
     * The lists already read, per item collection (weakly: they go with the recording) and event type (softly: a
     * memory-hungry JMC may drop them and read again). Every rule reads the same calls; without this each of the
     * eight that need them built its own copy, which on millions of calls cost more than parsing the file.
     */
    private static final Map<IItemCollection, Map<String, Shared<?>>> SHARED = new WeakHashMap<>();

    /** One list of one collection, read once by the first rule that asks; the others wait for it. */
    private static final class Shared<T> {
        private SoftReference<List<T>> list = new SoftReference<>(null);

        synchronized List<T> get(IItemCollection items, Function<IItemCollection, List<T>> reader) {
            List<T> read = list.get();
            if (read == null) {
                read = Collections.unmodifiableList(reader.apply(items));
                list = new SoftReference<>(read);
            }
            return read;
        }
    }

    /** The list the reader makes of the items, made once per collection and key and shared by all callers. */
    @SuppressWarnings("unchecked")
    static <T> List<T> shared(IItemCollection items, String key, Function<IItemCollection, List<T>> reader) {
        Shared<T> shared;
        synchronized (SHARED) {
            shared = (Shared<T>) SHARED.computeIfAbsent(items, k -> new HashMap<>()).computeIfAbsent(key,
                    k -> new Shared<T>());
        }
        return shared.get(items, reader);
    }

    /** The per-call events of one type, oldest first; the list is shared by all callers and cannot be changed. */
    public static List<Call> readAll(IItemCollection items, String eventType) {
        return shared(items, eventType, collection -> read(collection, eventType));
    }

    private static List<Call> read(IItemCollection items, String eventType) {
        List<Call> calls = new ArrayList<>();
        // Events share stack trace objects through the constant pool: find each site once.
        Map<IMCStackTrace, String> sites = new IdentityHashMap<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(eventType))) {
            Fields fields = new Fields(batch.getType());
            for (IItem item : batch) {
                calls.add(fields.read(item, sites));
            }
        }
        calls.sort(Comparator.comparingLong(Call::startNanos));
        return calls;
    }

    /** The accessors of one event type; a field missing from the recording reads as its default. */
    private static final class Fields {
        private final IMemberAccessor<IMCType, IItem> rootClass;
        private final IMemberAccessor<IQuantity, IItem> bytes;
        private final IMemberAccessor<IQuantity, IItem> classDescriptors;
        private final IMemberAccessor<IQuantity, IItem> classDescriptorBytes;
        private final IMemberAccessor<Number, IItem> identity;
        private final IMemberAccessor<Number, IItem> contentHash;
        private final IMemberAccessor<String, IItem> channel;
        private final IMemberAccessor<Number, IItem> streamId;
        private final IMemberAccessor<Boolean, IItem> filtered;
        private final IMemberAccessor<IQuantity, IItem> startTime;
        private final IMemberAccessor<IQuantity, IItem> duration;
        private final IMemberAccessor<IMCStackTrace, IItem> stackTrace;
        private final IMemberAccessor<Number, IItem> callId;

        Fields(IType<IItem> type) {
            rootClass = accessor(SerialScopeEvents.ROOT_CLASS, type);
            bytes = accessor(SerialScopeEvents.BYTES, type);
            classDescriptors = accessor(SerialScopeEvents.CLASS_DESCRIPTORS, type);
            classDescriptorBytes = accessor(SerialScopeEvents.CLASS_DESCRIPTOR_BYTES, type);
            identity = accessor(SerialScopeEvents.IDENTITY, type);
            contentHash = accessor(SerialScopeEvents.CONTENT_HASH, type);
            channel = accessor(SerialScopeEvents.CHANNEL, type);
            streamId = accessor(SerialScopeEvents.STREAM_ID, type);
            filtered = accessor(SerialScopeEvents.FILTERED, type);
            startTime = accessor(JfrAttributes.START_TIME, type);
            duration = accessor(JfrAttributes.DURATION, type);
            stackTrace = accessor(JfrAttributes.EVENT_STACKTRACE, type);
            callId = accessor(SerialScopeEvents.CALL_ID, type);
        }

        Call read(IItem item, Map<IMCStackTrace, String> sites) {
            IMCType type = get(rootClass, item);
            IMCStackTrace trace = get(stackTrace, item);
            String site = trace == null ? CallSites.UNKNOWN : sites.computeIfAbsent(trace, CallSites::of);
            String channelName = get(channel, item);
            Boolean wasFiltered = get(filtered, item);
            return new Call(
                    type == null ? NO_OBJECT : type.getFullName(),
                    longValue(get(bytes, item), UnitLookup.BYTE, -1),
                    (int) longValue(get(classDescriptors, item), UnitLookup.NUMBER_UNITY, 0),
                    longValue(get(classDescriptorBytes, item), UnitLookup.BYTE, -1),
                    rawLong(get(identity, item)),
                    rawLong(get(contentHash, item)),
                    channelName == null || channelName.isEmpty() ? "unknown" : channelName,
                    rawLong(get(streamId, item)),
                    wasFiltered != null && wasFiltered,
                    longValue(get(startTime, item), UnitLookup.EPOCH_NS, 0),
                    longValue(get(duration, item), UnitLookup.NANOSECOND, 0),
                    site,
                    rawLong(get(callId, item)));
        }
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
