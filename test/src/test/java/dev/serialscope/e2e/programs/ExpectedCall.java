package dev.serialscope.e2e.programs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One top-level serialization or deserialization call as the child program saw it, measured on
 * the real stream. The test expects exactly one recorded event for it, on the same thread, in the
 * same order. A null component is not checked (for instance object counts of graphs whose handle
 * arithmetic is not worth spelling out).
 *
 * @param jvm              which recording the event belongs to: {@link #SELF} or {@link #PIPE_CHILD}
 * @param thread           name of the calling thread
 * @param event            {@link #SERIALIZATION} or {@link #DESERIALIZATION}
 * @param rootClass        class name of the root object, "" when there is none (null, failed read)
 * @param contentHash      64-bit FNV-1a of the bytes of the call (for reads: from a byte array, else 0)
 * @param stream           calls with the same label must share one streamId, different labels differ
 * @param failure          class name of the exception the call threw, "" when it returned
 * @param filtered         deserialization only: whether an ObjectInputFilter was set on the stream
 */
public record ExpectedCall(
        String jvm,
        String thread,
        String event,
        String rootClass,
        Long bytes,
        Integer objects,
        Integer classDescriptors,
        Integer identity,
        String channel,
        Long contentHash,
        String stream,
        String failure,
        Boolean filtered) {

    public static final String SELF = "self";
    public static final String PIPE_CHILD = "pipe-child";
    public static final String SERIALIZATION = "serialscope.Serialization";
    public static final String DESERIALIZATION = "serialscope.Deserialization";

    Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "jvm", jvm);
        put(fields, "thread", thread);
        put(fields, "event", event);
        put(fields, "rootClass", rootClass);
        put(fields, "bytes", bytes);
        put(fields, "objects", objects);
        put(fields, "classDescriptors", classDescriptors);
        put(fields, "identity", identity);
        put(fields, "channel", channel);
        put(fields, "contentHash", contentHash);
        put(fields, "stream", stream);
        put(fields, "failure", failure);
        put(fields, "filtered", filtered);
        return fields;
    }

    static ExpectedCall fromFields(Map<String, String> fields) {
        return new ExpectedCall(
                fields.get("jvm"),
                fields.get("thread"),
                fields.get("event"),
                fields.get("rootClass"),
                fields.containsKey("bytes") ? Long.valueOf(fields.get("bytes")) : null,
                fields.containsKey("objects") ? Integer.valueOf(fields.get("objects")) : null,
                fields.containsKey("classDescriptors") ? Integer.valueOf(fields.get("classDescriptors")) : null,
                fields.containsKey("identity") ? Integer.valueOf(fields.get("identity")) : null,
                fields.get("channel"),
                fields.containsKey("contentHash") ? Long.valueOf(fields.get("contentHash")) : null,
                fields.get("stream"),
                fields.get("failure"),
                fields.containsKey("filtered") ? Boolean.valueOf(fields.get("filtered")) : null);
    }

    private static void put(Map<String, String> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value.toString());
        }
    }
}
