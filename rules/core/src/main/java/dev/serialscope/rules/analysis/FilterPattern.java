package dev.serialscope.rules.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.serialscope.rules.recording.ChannelClasses;

/**
 * A JEP 290 pattern ({@code jdk.serialFilter} syntax) judged the way the JDK's pattern filter judges it
 * (ObjectInputFilter.Config.createFilter on JDK 17 and 25), but on class names from a recording instead of
 * loaded classes: an array is decided by its innermost component type, a primitive one is left undecided
 * (allowed), the first pattern that matches decides, and a class no pattern matches is undecided, which a
 * stream lets through. A module-qualified pattern ({@code java.base/java.util.*}) is judged by its class part
 * alone: a recording does not name modules.
 */
public final class FilterPattern {

    /** A limit of the pattern and the largest value the recording reached for it. */
    public record ExceededLimit(String name, long limit, long reached) {
    }

    /** What the pattern does to the traffic of one channel. */
    public record Rejections(String channel, List<String> classes, List<ExceededLimit> limits) {
        public boolean any() {
            return !classes.isEmpty() || !limits.isEmpty();
        }
    }

    private enum Status {
        ALLOWED, REJECTED, UNDECIDED
    }

    private record Entry(boolean negate, String name, char kind) {
        /** kind: '=' the class, '.' its package, '*' a package prefix or a class-name prefix. */
        Status apply(String className) {
            boolean matches = switch (kind) {
            case '=' -> className.equals(name);
            case '.' -> packageOf(className).equals(name);
            default -> className.startsWith(name);
            };
            return !matches ? Status.UNDECIDED : negate ? Status.REJECTED : Status.ALLOWED;
        }
    }

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    private final List<Entry> entries = new ArrayList<>();
    private long maxDepth = Long.MAX_VALUE;
    private long maxReferences = Long.MAX_VALUE;
    private long maxArrayLength = Long.MAX_VALUE;
    private long maxStreamBytes = Long.MAX_VALUE;

    private FilterPattern() {
    }

    /** Parses a pattern; a pattern the JDK would refuse is refused with the reason. */
    public static FilterPattern parse(String pattern) {
        FilterPattern filter = new FilterPattern();
        boolean limits = false;
        for (String part : pattern.split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            if (filter.parseLimit(part)) {
                limits = true;
                continue;
            }
            boolean negate = part.charAt(0) == '!';
            int start = negate ? 1 : 0;
            int slash = part.indexOf('/', start);
            if (slash == start) {
                throw new IllegalArgumentException("module name is missing in: \"" + part + "\"");
            }
            start = slash >= 0 ? slash + 1 : start;
            String name = part.substring(start);
            if (name.endsWith(".**")) {
                requirePackage(name.substring(0, name.length() - 3), part);
                filter.entries.add(new Entry(negate, name.substring(0, name.length() - 2), '*'));
            } else if (name.endsWith(".*")) {
                requirePackage(name.substring(0, name.length() - 2), part);
                filter.entries.add(new Entry(negate, name.substring(0, name.length() - 2), '.'));
            } else if (name.endsWith("*")) {
                filter.entries.add(new Entry(negate, name.substring(0, name.length() - 1), '*'));
            } else if (name.isEmpty()) {
                throw new IllegalArgumentException("class or package missing in: \"" + part + "\"");
            } else {
                filter.entries.add(new Entry(negate, name, '='));
            }
        }
        if (filter.entries.isEmpty() && !limits) {
            throw new IllegalArgumentException("no non-empty patterns");
        }
        return filter;
    }

    private static void requirePackage(String pkg, String part) {
        if (pkg.isEmpty()) {
            throw new IllegalArgumentException("package missing in: \"" + part + "\"");
        }
    }

    private boolean parseLimit(String part) {
        int equals = part.indexOf('=');
        if (equals <= 0) {
            return false;
        }
        String name = part.substring(0, equals);
        long value;
        try {
            value = Long.parseLong(part.substring(equals + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in: \"" + part + "\"");
        }
        if (value < 0) {
            throw new IllegalArgumentException("negative limit: \"" + part + "\"");
        }
        switch (name) {
        case "maxdepth" -> maxDepth = value;
        case "maxrefs" -> maxReferences = value;
        case "maxarray" -> maxArrayLength = value;
        case "maxbytes" -> maxStreamBytes = value;
        default -> throw new IllegalArgumentException("unknown limit: \"" + part + "\"");
        }
        return true;
    }

    /** Whether a stream with this filter would reject the class (a name as JMC shows it, arrays as {@code T[]}). */
    public boolean rejects(String className) {
        String component = componentOf(className);
        if (isPrimitive(component)) {
            return false;
        }
        for (Entry entry : entries) {
            Status status = entry.apply(component);
            if (status != Status.UNDECIDED) {
                return status == Status.REJECTED;
            }
        }
        return false;
    }

    /** The classes this pattern rejects and the limits the traffic exceeded. */
    public Rejections check(ChannelClasses traffic) {
        List<String> rejected = traffic.classes().keySet().stream().filter(this::rejects).toList();
        List<ExceededLimit> exceeded = new ArrayList<>();
        exceeded(exceeded, "maxdepth", maxDepth, traffic.maxDepth());
        exceeded(exceeded, "maxrefs", maxReferences, traffic.maxReferences());
        exceeded(exceeded, "maxarray", maxArrayLength, traffic.maxArrayLength());
        exceeded(exceeded, "maxbytes", maxStreamBytes, traffic.maxStreamBytes());
        return new Rejections(traffic.channel(), rejected, List.copyOf(exceeded));
    }

    private static void exceeded(List<ExceededLimit> exceeded, String name, long limit, long reached) {
        if (reached > limit) {
            exceeded.add(new ExceededLimit(name, limit, reached));
        }
    }

    /** The innermost component type of an array class name ({@code int[][]}, {@code [Ljava.lang.String;}), else the name. */
    public static String componentOf(String className) {
        String name = className;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
        }
        if (name.startsWith("[")) {
            String descriptor = name.substring(name.lastIndexOf('[') + 1);
            return descriptor.startsWith("L") && descriptor.endsWith(";")
                    ? descriptor.substring(1, descriptor.length() - 1)
                    : "int"; // a primitive descriptor: which one does not matter to a filter
        }
        return name;
    }

    static boolean isPrimitive(String type) {
        return PRIMITIVES.contains(type);
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
