package dev.serialscope.rules.recording;

import static org.openjdk.jmc.common.item.Attribute.attr;

import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * The SerialScope event types and fields as JMC's parser presents them. The names are the event
 * contract of the events module; the content types must be the ones the parser derives from the
 * field declarations (a {@code @DataAmount long} is MEMORY, a plain long a RAW_NUMBER), or the accessors come
 * back null.
 */
public final class SerialScopeEvents {

    /** The start of every SerialScope event type's name. */
    public static final String PREFIX = "serialscope.";
    public static final String SERIALIZATION = "serialscope.Serialization";
    public static final String DESERIALIZATION = "serialscope.Deserialization";
    public static final String STATISTICS = "serialscope.SerializationStatistics";
    public static final String COMPOSITION = "serialscope.SerializationComposition";

    /** Values of {@link #DIRECTION}. */
    public static final String WRITE = "write";
    public static final String READ = "read";

    // Per-call events (serialscope.Serialization and serialscope.Deserialization).
    public static final IAttribute<String> FRAMEWORK = attr("framework", "Framework", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<IMCType> ROOT_CLASS = attr("rootClass", "Root Class", UnitLookup.CLASS);
    /** @DataAmount long: -1 when the stream could not be measured. */
    public static final IAttribute<IQuantity> BYTES = attr("bytes", "Bytes", UnitLookup.MEMORY);
    public static final IAttribute<IQuantity> OBJECTS = attr("objects", "Objects", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> CLASS_DESCRIPTORS =
            attr("classDescriptors", "Class Descriptors", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> CLASS_DESCRIPTOR_BYTES =
            attr("classDescriptorBytes", "Class Descriptor Bytes", UnitLookup.MEMORY);
    /** Plain longs are raw numbers in JMC, read as java.lang.Long. */
    public static final IAttribute<Number> IDENTITY = attr("identity", "Identity", UnitLookup.RAW_NUMBER);
    public static final IAttribute<Number> CONTENT_HASH = attr("contentHash", "Content Hash", UnitLookup.RAW_NUMBER);
    public static final IAttribute<String> CHANNEL = attr("channel", "Channel", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<String> STORE = attr("store", "Store", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<Number> STREAM_ID = attr("streamId", "Stream Id", UnitLookup.RAW_NUMBER);
    public static final IAttribute<String> FAILURE = attr("failure", "Failure", UnitLookup.PLAIN_TEXT);
    /** Links a serialscope.Serialization event to its serialscope.SerializationComposition events. */
    public static final IAttribute<Number> CALL_ID = attr("callId", "Call Id", UnitLookup.RAW_NUMBER);
    /** Serialization only: the root is a byte array holding an earlier call's output (a Spark broadcast block). */
    public static final IAttribute<Boolean> SERIALIZED_OUTPUT = attr("serializedOutput", "Serialized Output",
            UnitLookup.FLAG);
    /** Deserialization only. */
    public static final IAttribute<Boolean> FILTERED = attr("filtered", "Filtered", UnitLookup.FLAG);
    public static final IAttribute<Boolean> RESOLVE_CLASS_OVERRIDDEN = attr("resolveClassOverridden",
            "Resolve Class Overridden", UnitLookup.FLAG);

    // serialscope.SerializationStatistics (framework, rootClass and bytes as above).
    public static final IAttribute<String> DIRECTION = attr("direction", "Direction", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<IQuantity> CLASSES = attr("classes", "Classes", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> CALLS = attr("calls", "Calls", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> TOTAL_TIME = attr("totalTime", "Total Time", UnitLookup.TIMESPAN);
    public static final IAttribute<IQuantity> TIMED_CALLS = attr("timedCalls", "Timed Calls", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> FAILURES = attr("failures", "Failures", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> NEW_STREAMS = attr("newStreams", "New Streams", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> DESCRIPTOR_BYTES = attr("descriptorBytes", "Class Descriptor Bytes",
            UnitLookup.MEMORY);
    public static final IAttribute<IQuantity> UNFILTERED_CALLS = attr("unfilteredCalls", "Unfiltered Reads",
            UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> REPEATED_ROOTS = attr("repeatedRoots", "Repeated Roots", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> REPEATED_BYTES = attr("repeatedBytes", "Repeated Root Bytes",
            UnitLookup.MEMORY);
    public static final IAttribute<IQuantity> LARGEST_CALL = attr("largestCall", "Largest Call", UnitLookup.MEMORY);
    public static final IAttribute<IQuantity> SERIALIZED_OUTPUTS = attr("serializedOutputs",
            "Serialized Output Writes", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> SERIALIZED_OUTPUT_BYTES = attr("serializedOutputBytes",
            "Serialized Output Bytes", UnitLookup.MEMORY);

    // serialscope.SerializationSizes (direction, framework, rootClass, calls and bytes as above).
    public static final String SIZES = "serialscope.SerializationSizes";
    public static final IAttribute<IQuantity> MIN_BYTES = attr("minBytes", "From Size", UnitLookup.MEMORY);
    public static final IAttribute<IQuantity> MAX_BYTES = attr("maxBytes", "Below Size", UnitLookup.MEMORY);

    // serialscope.SerializationComposition (callId, rootClass, bytes, objects and identity as above).
    public static final IAttribute<String> PATH = attr("path", "Path", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<IQuantity> LEVEL = attr("level", "Level", UnitLookup.NUMBER);
    public static final IAttribute<Boolean> HEAVY_PATH = attr("heavyPath", "Heavy Path", UnitLookup.FLAG);
    public static final IAttribute<IMCType> DECLARING_CLASS =
            attr("declaringClass", "Declaring Class", UnitLookup.CLASS);
    public static final IAttribute<String> FIELD = attr("field", "Field", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<IMCType> VALUE_CLASS = attr("valueClass", "Value Class", UnitLookup.CLASS);
    public static final IAttribute<IQuantity> COUNT = attr("count", "Count", UnitLookup.NUMBER);

    // IPC: serialscope.ChannelStatistics, serialscope.ChannelIO and serialscope.RmiCall (bytes, direction, channel,
    // rootClass, framework, failure and totalTime as above).
    public static final String CHANNEL_STATISTICS = "serialscope.ChannelStatistics";
    public static final String CHANNEL_IO = "serialscope.ChannelIO";
    public static final String RMI_CALL = "serialscope.RmiCall";
    /** A plain long: a raw number in JMC. */
    public static final IAttribute<IQuantity> OPERATIONS = attr("operations", "Operations", UnitLookup.NUMBER);
    public static final IAttribute<IQuantity> SERIALIZED_BYTES =
            attr("serializedBytes", "Serialized Bytes", UnitLookup.MEMORY);
    public static final IAttribute<IQuantity> LARGEST_OPERATION =
            attr("largestOperation", "Largest Operation", UnitLookup.MEMORY);
    public static final IAttribute<String> SIDE = attr("side", "Side", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<IMCType> REMOTE_INTERFACE =
            attr("remoteInterface", "Remote Interface", UnitLookup.CLASS);
    public static final IAttribute<String> METHOD = attr("method", "Method", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<String> ENDPOINT = attr("endpoint", "Endpoint", UnitLookup.PLAIN_TEXT);
    public static final IAttribute<IQuantity> ARGUMENT_BYTES = attr("argumentBytes", "Argument Bytes", UnitLookup.MEMORY);
    public static final IAttribute<IQuantity> RESULT_BYTES = attr("resultBytes", "Result Bytes", UnitLookup.MEMORY);

    // serialscope.DeserializedClass and serialscope.DeserializationLimits (channel as above).
    public static final String DESERIALIZED_CLASS = "serialscope.DeserializedClass";
    public static final String DESERIALIZATION_LIMITS = "serialscope.DeserializationLimits";
    public static final IAttribute<IMCType> SERIAL_CLASS = attr("serialClass", "Class", UnitLookup.CLASS);
    public static final IAttribute<Number> UNTRACKED_CHECKS =
            attr("untrackedChecks", "Untracked Checks", UnitLookup.RAW_NUMBER);
    public static final IAttribute<Number> MAX_DEPTH = attr("maxDepth", "Largest Depth", UnitLookup.RAW_NUMBER);
    public static final IAttribute<Number> MAX_REFERENCES =
            attr("maxReferences", "Largest References", UnitLookup.RAW_NUMBER);
    public static final IAttribute<Number> MAX_ARRAY_LENGTH =
            attr("maxArrayLength", "Largest Array", UnitLookup.RAW_NUMBER);
    public static final IAttribute<IQuantity> MAX_STREAM_BYTES =
            attr("maxStreamBytes", "Largest Stream Bytes", UnitLookup.MEMORY);

    /** How to get these events, for every "not applicable" message. */
    public static final String HOW_TO_RECORD = "record with the SerialScope agent, e.g. "
            + "./serialscope record -o app.jfr -- java -cp app.jar Main";

    /** How to get a per-call event for every call, not only for those above the thresholds. */
    public static final String HOW_TO_RECORD_EVERY_CALL = "record with the diagnose profile, e.g. "
            + "./serialscope record --profile diagnose -o app.jfr -- java -cp app.jar Main";

    /** How to get the field paths of every call (Serialization Composition events). */
    public static final String HOW_TO_RECORD_COMPOSITION = "record with the diagnose profile, which traces every "
            + "call field by field, e.g. ./serialscope record --profile diagnose -o app.jfr -- java -cp app.jar Main";

    private SerialScopeEvents() {
    }
}
