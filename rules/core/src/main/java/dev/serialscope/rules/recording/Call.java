package dev.serialscope.rules.recording;

/**
 * One per-call event (serialscope.Serialization or serialscope.Deserialization) with the fields the
 * rules use: a row of a {@link CallTable}, for code that handles calls one by one.
 */
public record Call(
        String rootClass,
        /** -1 when the stream could not be measured. */
        long bytes,
        int classDescriptors,
        /** Bytes of those descriptors, part of bytes; -1 when not measured. */
        long classDescriptorBytes,
        long identity,
        long contentHash,
        String channel,
        long streamId,
        boolean filtered,
        long startNanos,
        long durationNanos,
        String site,
        /** Links the call to its Serialization Composition events; 0 in recordings of older agents. */
        long callId) {

    /** The root class of a read that failed before it had an object. */
    public static final String NO_OBJECT = "(no object)";

    /** Bytes for sums: an unmeasured call adds nothing rather than -1. */
    public long countedBytes() {
        return Math.max(bytes, 0);
    }
}
