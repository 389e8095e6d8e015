package dev.serialscope.boot;

/**
 * What the advice inlined into a data grid's proxies calls: the distributed object (a Hazelcast map, queue...)
 * whose value the thread is converting, so that the serialization calls inside can name it. Loaded by the
 * bootstrap loader. The idle path is one volatile read; the rest is plain stores into the thread's own slot,
 * which cannot fail the application's call. Only the outermost conversion of a thread is kept.
 */
public final class StoreBridge {

    /** True while a recording wants per-call serialization events. */
    public static volatile boolean active;

    private static final ThreadLocal<Current> CURRENT = ThreadLocal.withInitial(Current::new);

    private StoreBridge() {
    }

    /** The thread's store: the proxy while a conversion is open, else null. */
    private static final class Current {
        Object proxy;
    }

    /** Opens a conversion for {@code proxy}; returns what {@link #exit} needs, null when one is open already. */
    public static Object enter(Object proxy) {
        Current current = CURRENT.get();
        if (current.proxy != null) {
            return null;
        }
        current.proxy = proxy;
        return current;
    }

    public static void exit(Object token) {
        if (token != null) {
            ((Current) token).proxy = null;
        }
    }

    /** The proxy of the thread's open conversion, or null. */
    public static Object currentProxy() {
        return CURRENT.get().proxy;
    }
}
