package dev.serialscope.events;

import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;

/**
 * Fields shared by {@link SerializationEvent} and {@link DeserializationEvent}: one top-level call
 * that writes or reads one object graph. Field names are public API and never change.
 */
@StackTrace(true)
public abstract class SerializationCallEvent extends Event {

    /** Value of {@link #bytes} when the stream's size cannot be measured. */
    public static final long BYTES_UNKNOWN = -1;

    @Label("Framework")
    @Description("Serialization library that made the call: java (ObjectOutputStream/ObjectInputStream), kryo, jackson or protobuf")
    public String framework;

    @Label("Root Class")
    @Description("Class of the top-level object written or read; empty when a read failed before it had an object")
    public Class<?> rootClass;

    @Label("Root Class Name")
    @Description("Name of the root class as it reads in every run: a lambda class is Owner$$Lambda, without the suffix the JVM gives a hidden class (it differs from run to run and per class loader); empty when Root Class is")
    public String rootClassName;

    @Label("Bytes")
    @Description("Exact bytes this call added to (or took from) the stream, block-data headers included, earlier primitive data excluded; -1 when the stream cannot be measured (an ObjectOutputStream created before the agent was attached)")
    @DataAmount
    public long bytes;

    @Label("Objects")
    @Description("New stream handles this call created for objects, arrays, strings, enum constants and Class objects; back-references to objects already in the stream, nulls and class descriptors are not counted")
    public int objects;

    @Label("Class Descriptors")
    @Description("New class descriptors this call wrote (or read), superclass descriptors included: the per-stream setup cost that a reused stream pays once")
    public int classDescriptors;

    @Label("Class Descriptor Bytes")
    @Description("Bytes of the class descriptors this call wrote (or read), included in Bytes; -1 when the stream cannot be measured")
    @DataAmount
    public long classDescriptorBytes;

    @Label("Identity")
    @Description("Identity hash code of the root object (System.identityHashCode): equal values across calls suggest the same object sent again")
    public long identity;

    @Label("Content Hash")
    @Description("64-bit FNV-1a fingerprint of the bytes this call wrote; 0 when the contentHash setting is off or the stream cannot be measured")
    public long contentHash;

    @Label("Channel")
    @Description("Where the bytes go or come from: socket <address>:<port>, pipe (child pid <pid>), stdin, stdout, stderr, file <path>, memory, or unknown (<stream class>)")
    public String channel;

    @Label("Store")
    @Description("The data-grid map or other distributed object whose value the call wrote or read, as 'hazelcast <kind> <name>' (e.g. hazelcast map orders); empty outside one")
    public String store;

    @Label("Stream Id")
    @Description("Identity hash code of the stream object: the same value for all calls on one stream")
    public long streamId;

    @Label("Call Id")
    @Description("Number of this call among those the agent wrote events for; the Serialization Composition events of the call carry the same value")
    public long callId;

    @Label("Failure")
    @Description("Class of the exception the call threw, empty when it returned normally")
    public String failure;
}
