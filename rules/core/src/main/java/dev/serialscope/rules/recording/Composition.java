package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * One serialscope.SerializationComposition event: the bytes of one field path of a traced
 * serialization call, linked to its serialscope.Serialization event by {@link #callId}.
 */
public record Composition(
        long callId,
        String rootClass,
        /** e.g. {@code config.settings}, {@code capturedArgs[0].cache}, {@code items[10-99]}, {@code x.<contents>}. */
        String path,
        int level,
        String declaringClass,
        String field,
        String valueClass,
        long bytes,
        long objects,
        long count,
        /** Identity hash code of the object on the path when count is 1, else 0. */
        long identity,
        /** On the call's heaviest path, which the agent follows below the composition depth. */
        boolean heavyPath) {

    /** The path label of what a custom writeObject or writeExternal wrote. */
    public static final String CONTENTS = "<contents>";

    /** The marker the JVM puts in the names of lambda classes. */
    private static final String LAMBDA_MARKER = "$$Lambda";

    /** The composition events of the recording, ordered by call and path; {@link RecordingModel} shares them. */
    static List<Composition> read(IItemCollection items) {
        List<Composition> paths = new ArrayList<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.COMPOSITION))) {
            var type = batch.getType();
            IMemberAccessor<Number, IItem> callId = EventFields.accessor(SerialScopeEvents.CALL_ID, type);
            IMemberAccessor<IMCType, IItem> rootClass = EventFields.accessor(SerialScopeEvents.ROOT_CLASS, type);
            IMemberAccessor<String, IItem> path = EventFields.accessor(SerialScopeEvents.PATH, type);
            IMemberAccessor<IQuantity, IItem> level = EventFields.accessor(SerialScopeEvents.LEVEL, type);
            IMemberAccessor<IMCType, IItem> declaringClass = EventFields.accessor(SerialScopeEvents.DECLARING_CLASS, type);
            IMemberAccessor<String, IItem> field = EventFields.accessor(SerialScopeEvents.FIELD, type);
            IMemberAccessor<IMCType, IItem> valueClass = EventFields.accessor(SerialScopeEvents.VALUE_CLASS, type);
            IMemberAccessor<IQuantity, IItem> bytes = EventFields.accessor(SerialScopeEvents.BYTES, type);
            IMemberAccessor<IQuantity, IItem> objects = EventFields.accessor(SerialScopeEvents.OBJECTS, type);
            IMemberAccessor<IQuantity, IItem> count = EventFields.accessor(SerialScopeEvents.COUNT, type);
            IMemberAccessor<Number, IItem> identity = EventFields.accessor(SerialScopeEvents.IDENTITY, type);
            IMemberAccessor<Boolean, IItem> heavyPath = EventFields.accessor(SerialScopeEvents.HEAVY_PATH, type);
            for (IItem item : batch) {
                String pathName = EventFields.get(path, item);
                if (pathName == null || pathName.isEmpty()) {
                    continue;
                }
                paths.add(new Composition(EventFields.rawLong(EventFields.get(callId, item)), name(EventFields.get(rootClass, item)),
                        pathName, (int) EventFields.longValue(EventFields.get(level, item), UnitLookup.NUMBER_UNITY, 1),
                        name(EventFields.get(declaringClass, item)), nonNull(EventFields.get(field, item)),
                        name(EventFields.get(valueClass, item)),
                        Math.max(0, EventFields.longValue(EventFields.get(bytes, item), UnitLookup.BYTE, 0)),
                        EventFields.longValue(EventFields.get(objects, item), UnitLookup.NUMBER_UNITY, 0),
                        EventFields.longValue(EventFields.get(count, item), UnitLookup.NUMBER_UNITY, 1),
                        EventFields.rawLong(EventFields.get(identity, item)),
                        Boolean.TRUE.equals(EventFields.get(heavyPath, item))));
            }
        }
        paths.sort(Comparator.comparingLong(Composition::callId).thenComparing(Composition::path));
        return paths;
    }

    private static String name(IMCType type) {
        return type == null ? "" : stableName(type.getFullName());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** One object of one class on this path (not array elements or contents grouped together). */
    public boolean singleObject() {
        return count == 1 && identity != 0;
    }

    /** Whether this path was traced into: a named field or one array element, not a range or contents. */
    public static boolean namedStep(String path) {
        return !path.endsWith(CONTENTS) && (!path.endsWith("]") || path.matches(".*\\[\\d+]"));
    }

    /** The root class and path as a culprit name: {@code com.example.Task.config.settings}. */
    public String qualifiedPath() {
        return qualify(rootClass, path);
    }

    /** The root class, without package, and path: {@code Task.config.settings}. */
    public String shortPath() {
        return qualify(shortName(rootClass), path);
    }

    public static String qualify(String rootClass, String path) {
        return path.startsWith("[") ? rootClass + path : rootClass + "." + path;
    }

    /** Whether {@code ancestor} is a proper prefix path of {@code path} (a.b of a.b.c, a of a[0]). */
    public static boolean isAncestor(String ancestor, String path) {
        return path.length() > ancestor.length() && path.startsWith(ancestor)
                && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
    }

    /** Whether the class is a lambda class (the JVM spins one per lambda expression). */
    public static boolean isLambda(String className) {
        return className.contains(LAMBDA_MARKER);
    }

    /** The class whose code created the lambda: {@code com.example.Job} of {@code com.example.Job$$Lambda$14/0x...}. */
    public static String capturingClass(String lambdaClass) {
        int marker = lambdaClass.indexOf(LAMBDA_MARKER);
        return marker < 0 ? lambdaClass : lambdaClass.substring(0, marker);
    }

    /**
     * A class name that is the same in every run: a lambda class's generated suffix (a counter and an
     * address that change from run to run) is dropped, leaving {@code com.example.Job$$Lambda}.
     */
    public static String stableName(String className) {
        return isLambda(className) ? capturingClass(className) + LAMBDA_MARKER : className;
    }

    /** A class name without its package, for summaries: {@code PipeTaskShipping$Config}, {@code Object[]}. */
    public static String shortName(String className) {
        String stable = stableName(className);
        int lastDot = stable.lastIndexOf('.');
        return lastDot < 0 ? stable : stable.substring(lastDot + 1);
    }
}
