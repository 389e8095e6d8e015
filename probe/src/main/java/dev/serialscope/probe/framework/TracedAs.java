package dev.serialscope.probe.framework;

/** How a framework's sampled writes are traced for composition events: where the bytes of a field can be seen. */
public enum TracedAs {
    /** Not traced. */
    NONE,
    /** Kryo: the Output's total() around each field and object, from advice on Kryo and its field writer. */
    OUTPUT_TOTAL,
    /** Jackson: the generator's flushed and buffered bytes around each bean property, for calls that write bytes. */
    GENERATOR_POSITION,
    /** Protobuf: the serialized size of each field of the message written, from sizes only, no advice. */
    MESSAGE_SIZES
}
