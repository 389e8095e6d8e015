package dev.serialscope.rules;

/**
 * Rule topics. The SerialScope pages of the JMC plugin claim these, so JMC shows each rule's result
 * on the page of its direction instead of under Event Browser.
 */
public final class SerialScopeTopics {

    /** Rules about writing: hot spot, large, repeated and growing payloads, stream setup. */
    public static final String SERIALIZATION = "serialscope.serialization";

    /** Rules about reading: hot spot, unfiltered deserialization. */
    public static final String DESERIALIZATION = "serialscope.deserialization";

    private SerialScopeTopics() {
    }
}
