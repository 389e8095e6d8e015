package dev.serialscope.rules.recording;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.openjdk.jmc.common.item.IAggregator;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemConsumer;
import org.openjdk.jmc.common.item.IItemFilter;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IRange;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;

/**
 * One recording as the rules read it: its items, and what is read from them once and shared by every rule of one
 * evaluation (the call tables, the composition paths). Every rule reads the same calls; without sharing, each of the
 * eight that need them built its own copy, which on millions of calls cost more than parsing the file.
 * <p>
 * It is an {@link IItemCollection} so that it reaches the rules through JMC's {@code IRule.createEvaluation}: the
 * rule runner makes one per recording and hands it to every rule. A caller that passes plain items (JMC's own rule
 * engine, {@code JfrRulesReport}) gets a model per rule, which reads what that rule needs once.
 */
public final class RecordingModel implements IItemCollection {

    private final IItemCollection items;
    private final CallSites callSites;
    private final Map<String, Lazy<?>> read = new HashMap<>();

    private RecordingModel(IItemCollection items, CallSites callSites) {
        this.items = items;
        this.callSites = callSites;
    }

    /** The model of these items: the same model when they are one already. */
    public static RecordingModel of(IItemCollection items) {
        return items instanceof RecordingModel model ? model : new RecordingModel(items, CallSites.DEFAULT);
    }

    /** The model of these items (the same model when they are one already), with the libraries of these preferences. */
    public static RecordingModel of(IItemCollection items, IPreferenceValueProvider preferences) {
        return items instanceof RecordingModel model ? model : new RecordingModel(items, CallSites.of(preferences));
    }

    /** The model of these items, whose calls are placed at call sites by {@code callSites}. */
    public static RecordingModel of(IItemCollection items, CallSites callSites) {
        return new RecordingModel(items, callSites);
    }

    /** How this model places calls at call sites. */
    public CallSites callSites() {
        return callSites;
    }

    /** The per-call events of one type, oldest first; shared by all callers and cannot be changed. */
    public CallTable calls(String eventType) {
        return shared(eventType, collection -> CallTable.read(collection, eventType, callSites));
    }

    /** The composition events, ordered by call and path; shared by all callers, unmodifiable. */
    public List<Composition> compositions() {
        return shared(SerialScopeEvents.COMPOSITION,
                collection -> Collections.unmodifiableList(Composition.read(collection)));
    }

    /** The size distributions of one direction's calls by root class; shared by all callers, unmodifiable. */
    public Map<String, SizeDistribution> sizes(String direction) {
        return shared(SerialScopeEvents.SIZES + "#" + direction,
                collection -> Collections.unmodifiableMap(SizeDistribution.readAll(collection, direction)));
    }

    /** The classes and maxima of Java deserialization per channel, sorted by channel; shared by all callers. */
    public List<ChannelClasses> deserializedClasses() {
        return shared(SerialScopeEvents.DESERIALIZED_CLASS, DeserializedClasses::read);
    }

    /** From the first event of the recording to the last, in nanoseconds; 0 without events. */
    public long spanNanos() {
        return shared("serialscope.recordingNanos", RecordingSpan::of);
    }

    /** What the reader makes of the items, made once per key by the first caller; the others wait for it. */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Function<IItemCollection, T> reader) {
        Lazy<T> value;
        synchronized (read) {
            value = (Lazy<T>) read.computeIfAbsent(key, k -> new Lazy<T>());
        }
        return value.get(items, reader);
    }

    private static final class Lazy<T> {
        private T value;

        synchronized T get(IItemCollection items, Function<IItemCollection, T> reader) {
            if (value == null) {
                value = reader.apply(items);
            }
            return value;
        }
    }

    @Override
    public Iterator<IItemIterable> iterator() {
        return items.iterator();
    }

    @Override
    public IItemCollection apply(IItemFilter filter) {
        return items.apply(filter);
    }

    @Override
    public <V, C extends IItemConsumer<C>> V getAggregate(IAggregator<V, C> aggregator) {
        return items.getAggregate(aggregator);
    }

    @Override
    public boolean hasItems() {
        return items.hasItems();
    }

    @Override
    public Set<IRange<IQuantity>> getUnfilteredTimeRanges() {
        return items.getUnfilteredTimeRanges();
    }
}
