package dev.serialscope.probe.core;

/**
 * The running channel I/O of one channel kind and direction since the agent started counting, published as
 * {@code dev.serialscope:type=Channel,kind=socket,direction=write} (agent option {@code metrics=jmx}). Kinds:
 * socket (TCP and Unix-domain, RMI included), pipe (to child processes), file, stdin, stdout, stderr, and other.
 */
public interface ChannelTotalsMBean {

    /** Reads and writes (a read at the end of the stream included). */
    long getOperations();

    /** Bytes moved. */
    long getBytes();

    /** Of those, the bytes moved while a serializer (Java serialization, Kryo, Jackson, Protobuf) ran on the thread. */
    long getSerializedBytes();

    /** Wall-clock nanoseconds in the operations. */
    long getTimeNanos();
}
