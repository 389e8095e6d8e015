package dev.serialscope.probe.core;

/**
 * The name of a class as it reads in every run, for the events' String class name fields: a lambda class is
 * {@code com.example.Job$$Lambda}, without the counter and address the JVM appends to a hidden class's name
 * (they differ from run to run and per class loader), as the rules and the CLI name it; an array is
 * {@code java.lang.String[]}, as JMC prints a class. Cached per class: computed once, on the first event that
 * is committed for it.
 */
public final class StableClassNames {

    private static final String LAMBDA_MARKER = "$$Lambda";

    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return stableName(type);
        }
    };

    private StableClassNames() {
    }

    /** The stable name of {@code type}; null for null. */
    public static String of(Class<?> type) {
        return type == null ? null : NAMES.get(type);
    }

    static String stableName(Class<?> type) {
        if (type.isArray()) {
            return of(type.getComponentType()) + "[]";
        }
        String name = type.getName();
        int marker = name.indexOf(LAMBDA_MARKER);
        return type.isHidden() && marker > 0 ? name.substring(0, marker + LAMBDA_MARKER.length()) : name;
    }
}
