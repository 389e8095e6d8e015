package dev.serialscope.rules.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.serialscope.rules.recording.ChannelClasses;

/**
 * Writes the JEP 290 pattern that allows exactly the classes of a channel's recorded traffic: its limits
 * (the largest values reached, times a margin), the classes, then {@code !*}. The JDK's filter decides an
 * array by its innermost component type, so an array class adds that type and a primitive array adds
 * nothing. Class names the JVM numbers at run time are allowed by their stable prefix: a dynamic proxy as
 * {@code pkg.$Proxy*}, or {@code jdk.proxy*} in the dynamic modules the JDK numbers per class loader (a proxy's
 * interfaces and invocation handler are checked on their own), and a lambda as {@code Outer$$Lambda*}.
 */
public final class AllowList {

    private static final Pattern PROXY = Pattern.compile("(.*\\.)?\\$Proxy\\d+");
    private static final Pattern DYNAMIC_MODULE_PROXY = Pattern.compile("jdk\\.proxy\\d+\\.\\$Proxy\\d+");
    private static final String LAMBDA = "$$Lambda";

    private AllowList() {
    }

    /**
     * @param margin   the limits are the largest values seen times this, rounded up
     * @param collapse allow whole packages ({@code com.acme.*}) instead of single classes
     */
    public static String pattern(ChannelClasses traffic, double margin, boolean collapse) {
        List<String> parts = new ArrayList<>();
        parts.add("maxdepth=" + times(traffic.maxDepth(), margin));
        parts.add("maxrefs=" + times(traffic.maxReferences(), margin));
        parts.add("maxarray=" + times(traffic.maxArrayLength(), margin));
        parts.add("maxbytes=" + times(traffic.maxStreamBytes(), margin));
        parts.addAll(entries(traffic.classes().keySet(), collapse));
        parts.add("!*");
        return String.join(";", parts);
    }

    /**
     * The same classes as one regular expression of their names, for allow-lists that match names with a regular
     * expression (Tomcat's sessionAttributeValueClassNameFilter).
     */
    public static String regex(Set<String> classNames) {
        return entries(classNames, false).stream()
                .map(entry -> entry.replace(".", "\\.").replace("$", "\\$").replace("*", ".*"))
                .collect(Collectors.joining("|"));
    }

    /** The class patterns alone, sorted, each once. */
    static Set<String> entries(Set<String> classNames, boolean collapse) {
        Set<String> entries = new TreeSet<>();
        for (String className : classNames) {
            String type = FilterPattern.componentOf(className);
            if (FilterPattern.isPrimitive(type)) {
                continue;
            }
            String pkg = FilterPattern.packageOf(type);
            entries.add(collapse && !pkg.isEmpty() ? pkg + ".*" : entry(type));
        }
        return entries;
    }

    private static String entry(String type) {
        if (DYNAMIC_MODULE_PROXY.matcher(type).matches()) {
            return "jdk.proxy*";
        }
        Matcher proxy = PROXY.matcher(type);
        if (proxy.matches()) {
            return (proxy.group(1) == null ? "" : proxy.group(1)) + "$Proxy*";
        }
        int lambda = type.indexOf(LAMBDA);
        return lambda > 0 ? type.substring(0, lambda + LAMBDA.length()) + "*" : type;
    }

    static long times(long maximum, double margin) {
        double scaled = Math.ceil(maximum * margin);
        return scaled >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) scaled;
    }
}
