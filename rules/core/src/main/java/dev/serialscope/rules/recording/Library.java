package dev.serialscope.rules.recording;

import java.util.List;

/**
 * A library that serializes on the application's behalf, known by the prefixes of its class names: the call site of
 * such a call is the application's frame below it, and the rules give advice its user can act on (a Hazelcast user
 * picks a serializer for the map's values, not the ObjectOutputStream that Hazelcast opens).
 */
public record Library(String name, Kind kind, List<String> prefixes) {

    /** What the library does with the bytes, which decides the advice. */
    public enum Kind {
        /** Writes to memory and reads back at once: a deep copy. */
        DEEP_COPY,
        /** A distributed cache or data grid: the bytes go to other members, and come from them. */
        DATA_GRID,
        /** A cache in this JVM that keeps values serialized (off heap, on disk). */
        CACHE,
        /** A servlet container's session manager: sessions persisted to a store or replicated. */
        SESSION_MANAGER,
        /** A batch engine that ships closures and data to tasks (Spark). */
        BATCH,
        /** Anything else, the libraries the user names among them. */
        OTHER
    }

    public static final Library COMMONS_LANG = new Library("commons-lang", Kind.DEEP_COPY,
            List.of("org.apache.commons.lang3.SerializationUtils", "org.apache.commons.lang.SerializationUtils"));
    public static final Library HAZELCAST = new Library("Hazelcast", Kind.DATA_GRID, List.of("com.hazelcast."));
    /** All of Tomcat: an embedding application's frame sits below its lifecycle (Tomcat.stop, StandardContext). */
    public static final Library TOMCAT = new Library("Tomcat", Kind.SESSION_MANAGER,
            List.of("org.apache.catalina.", "org.apache.tomcat."));
    public static final Library EHCACHE = new Library("Ehcache", Kind.CACHE, List.of("org.ehcache.", "net.sf.ehcache."));

    static final List<Library> KNOWN = List.of(
            COMMONS_LANG,
            new Library("Spring", Kind.OTHER, List.of("org.springframework.util.SerializationUtils",
                    "org.springframework.core.serializer.")),
            HAZELCAST,
            TOMCAT,
            new Library("Spark", Kind.BATCH, List.of("org.apache.spark.", "scala.")),
            EHCACHE,
            new Library("Infinispan", Kind.DATA_GRID, List.of("org.infinispan.")),
            new Library("Ignite", Kind.DATA_GRID, List.of("org.apache.ignite.")),
            new Library("JBoss Marshalling", Kind.OTHER, List.of("org.jboss.marshalling.")),
            new Library("Netty", Kind.OTHER, List.of("io.netty.handler.codec.serialization.")));

    public Library {
        prefixes = List.copyOf(prefixes);
    }

    /** A library of the application's own, named by its prefix. */
    static Library named(String prefix) {
        return new Library(prefix, Kind.OTHER, List.of(prefix));
    }

    boolean contains(String className) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
