package dev.serialscope.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Classes known to start deserialization gadget chains, as a comma-separated list of class names and packages
 * ({@code name.*}): what the setting {@code serialscope.Deserialization#gadgetClasses} and the Unfiltered
 * Deserialization rule's preference take. A root class on the list read without a filter always gets its event.
 */
public final class GadgetClasses {

    public static final String DEFAULT = String.join(", ",
            "javax.management.BadAttributeValueExpException",
            "java.util.PriorityQueue",
            "sun.reflect.annotation.AnnotationInvocationHandler",
            "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl",
            "com.sun.rowset.JdbcRowSetImpl",
            "org.apache.commons.collections.functors.*",
            "org.apache.commons.collections4.functors.*",
            "org.apache.commons.collections.keyvalue.TiedMapEntry",
            "org.apache.commons.collections4.keyvalue.TiedMapEntry",
            "org.apache.commons.beanutils.BeanComparator",
            "org.codehaus.groovy.runtime.MethodClosure",
            "org.springframework.beans.factory.ObjectFactory");

    private static final String PACKAGE_SUFFIX = ".*";

    private final Set<String> entries;
    private final Set<String> classes = new LinkedHashSet<>();
    private final List<String> packagePrefixes = new ArrayList<>();

    private GadgetClasses(Set<String> entries) {
        this.entries = entries;
        for (String entry : entries) {
            if (entry.endsWith(PACKAGE_SUFFIX)) {
                packagePrefixes.add(entry.substring(0, entry.length() - 1));
            } else {
                classes.add(entry);
            }
        }
    }

    /** The list in {@code text}, entries separated by commas or blanks. */
    public static GadgetClasses parse(String text) {
        Set<String> entries = new LinkedHashSet<>();
        if (text != null) {
            for (String entry : text.split("[,\\s]+")) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return new GadgetClasses(entries);
    }

    /** Every entry of both lists, in their order. */
    public GadgetClasses union(GadgetClasses other) {
        Set<String> both = new LinkedHashSet<>(entries);
        both.addAll(other.entries);
        return new GadgetClasses(both);
    }

    /** Whether {@code className} (a binary name, nested classes with $) is on the list or in a listed package. */
    public boolean contains(String className) {
        if (classes.contains(className)) {
            return true;
        }
        for (String prefix : packagePrefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** As the setting and the preference take it. */
    @Override
    public String toString() {
        return String.join(", ", entries);
    }
}
