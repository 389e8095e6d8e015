package dev.serialscope.rules.analysis;

import dev.serialscope.rules.recording.Library;

/**
 * Advice that the user of a library can act on, where the library (not the application) opens the streams: a
 * Hazelcast user chooses a serializer for the map's values, a Tomcat user what goes into the session. Null where
 * the library has nothing of its own to say, and the rule's general advice holds.
 */
public final class LibraryAdvice {

    private static final String HAZELCAST_COMPACT = "give the value classes a serializer of Hazelcast's own: "
            + "Compact serialization (SerializationConfig.getCompactSerializationConfig(), no change to the classes "
            + "needed), IdentifiedDataSerializable, or a StreamSerializer registered for the class; these write no "
            + "class descriptors and skip java serialization altogether";

    private LibraryAdvice() {
    }

    /** Instead of "keep one ObjectOutputStream per connection": the library opens a stream per value. */
    public static String streamSetup(Library library) {
        return switch (library.kind()) {
        case DATA_GRID -> library == Library.HAZELCAST
                ? "Hazelcast falls back to java serialization for Serializable values and opens a new "
                        + "ObjectOutputStream for each, so every value carries its class descriptors: "
                        + HAZELCAST_COMPACT + ". The store culprits give the cost per map, the call-site table per put and "
                        + "get site."
                : library.name() + " opens a stream per value it serializes: configure a serializer or marshaller "
                        + "of its own for the cached value classes, which writes no class descriptors.";
        case CACHE -> library.name() + " serializes each value into its off-heap or disk tier with a stream of its "
                + "own: register a serializer for the cache's value type (CacheConfigurationBuilder."
                + "withValueSerializer), or keep the cache on heap, where values are kept by reference.";
        case SESSION_MANAGER -> library.name() + " writes the sessions: keep fewer and smaller attributes in the "
                + "session (an id or key instead of the object, the object in a cache), so each persisted or "
                + "replicated session carries less.";
        default -> null;
        };
    }

    /** A sentence for large or repeated payloads that the library writes; null for none. */
    public static String payloads(Library library) {
        return switch (library.kind()) {
        case DATA_GRID -> library.name() + " serializes the value on every put, into a buffer that its I/O threads "
                + "send to the owner and the backups; store a smaller value (the fields readers need, or an id), "
                + "update it in place (an entry processor) instead of putting it whole"
                + (library == Library.HAZELCAST ? ", and " + HAZELCAST_COMPACT : "") + ".";
        case CACHE -> library.name() + " serializes the value for its off-heap or disk tier on every put: cache a "
                + "smaller value, or keep this cache on heap.";
        case SESSION_MANAGER -> library.name() + " persists or replicates the whole session: keep large objects "
                + "out of it (an id in the session, the object in a cache or database).";
        default -> null;
        };
    }

    /** The fix for values read without a filter through the library, with the classes seen; null for none. */
    public static String unfiltered(Library library, String classNamesRegex) {
        if (library == Library.HAZELCAST) {
            return "Hazelcast reads these values, which other members and clients wrote: configure its Java "
                    + "serialization filter on every member and client (SerializationConfig."
                    + "setJavaSerializationFilterConfig, or <java-serialization-filter> in hazelcast.xml) with a "
                    + "whitelist of the value classes, or better, " + HAZELCAST_COMPACT + ".";
        }
        if (library == Library.TOMCAT) {
            return "Tomcat reads these sessions: give its session Manager an allow-list, "
                    + "sessionAttributeValueClassNameFilter=\"" + classNamesRegex + "\" (the attribute of <Manager> "
                    + "in context.xml, or StandardManager/PersistentManager.setSessionAttributeValueClassNameFilter); "
                    + "Tomcat checks every class of the session file against it in its stream's resolveClass.";
        }
        return null;
    }
}
