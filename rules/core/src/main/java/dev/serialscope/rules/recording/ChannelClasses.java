package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What Java deserialization met on one channel (or several, merged): the classes a serial filter was
 * asked about, each with the number of chunks it appeared in, and the largest values the filter's limits
 * were checked against. Class names are as JMC shows them: arrays as {@code java.lang.String[]}.
 */
public record ChannelClasses(String channel, Map<String, Integer> classes, long maxDepth, long maxReferences,
        long maxArrayLength, long maxStreamBytes, long untrackedChecks) {

    public ChannelClasses {
        classes = Collections.unmodifiableMap(new TreeMap<>(classes));
    }

    /** The same traffic without the classes {@code left} names, e.g. known gadget classes. */
    public ChannelClasses without(Predicate<String> left) {
        Map<String, Integer> kept = new TreeMap<>(classes);
        kept.keySet().removeIf(left);
        return new ChannelClasses(channel, kept, maxDepth, maxReferences, maxArrayLength, maxStreamBytes,
                untrackedChecks);
    }

    /** The channels together, as one channel named {@code name}: classes united, maxima the largest. */
    public static ChannelClasses merge(String name, Collection<ChannelClasses> channels) {
        Map<String, Integer> classes = new TreeMap<>();
        long depth = 0;
        long references = 0;
        long array = 0;
        long bytes = 0;
        long untracked = 0;
        for (ChannelClasses channel : channels) {
            channel.classes.forEach((type, chunks) -> classes.merge(type, chunks, Integer::sum));
            depth = Math.max(depth, channel.maxDepth);
            references = Math.max(references, channel.maxReferences);
            array = Math.max(array, channel.maxArrayLength);
            bytes = Math.max(bytes, channel.maxStreamBytes);
            untracked += channel.untrackedChecks;
        }
        return new ChannelClasses(name, classes, depth, references, array, bytes, untracked);
    }

    /** The channels of several recordings, each channel merged over all of them. */
    public static List<ChannelClasses> mergeByChannel(Collection<List<ChannelClasses>> recordings) {
        Map<String, List<ChannelClasses>> byName = new TreeMap<>();
        for (List<ChannelClasses> recording : recordings) {
            for (ChannelClasses channel : recording) {
                byName.computeIfAbsent(channel.channel, k -> new ArrayList<>()).add(channel);
            }
        }
        return byName.entrySet().stream().map(entry -> merge(entry.getKey(), entry.getValue())).toList();
    }
}
