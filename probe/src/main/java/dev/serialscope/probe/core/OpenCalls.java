package dev.serialscope.probe.core;

/**
 * One thread's top-level serialization calls in progress, of java serialization and of the third-party
 * serializers: the one test of "top-level" they share. A call made while a call of another serializer is
 * open on the thread (Kryo inside a custom writeObject, as Spark's Kryo serializer runs inside a java-serialized
 * task; java serialization inside Kryo's JavaSerializer) belongs to the outer call, whose bytes include it.
 * Each probe looks the object up once per thread and keeps it with its own per-thread state.
 */
public final class OpenCalls {

    private static final ThreadLocal<OpenCalls> THREADS = ThreadLocal.withInitial(OpenCalls::new);

    /** Open top-level ObjectOutputStream/ObjectInputStream calls (several when a custom method opens another stream). */
    public int java;
    /** Open Kryo, Jackson or Protobuf calls, nested ones included. */
    public int frameworks;

    private OpenCalls() {
    }

    /** The calling thread's. */
    public static OpenCalls ofThisThread() {
        return THREADS.get();
    }
}
