package dev.serialscope.probe.core;

import dev.serialscope.boot.StoreBridge;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Names the data-grid object whose value a thread's serialization call converts, as "<library> <kind> <name>"
 * (hazelcast map orders): the library from the proxy's package, the kind from its class (MapProxyImpl: map), the
 * name from the public {@code getName()} of the library's distributed-object interface. Read only for calls that
 * write a per-call event.
 */
public final class Stores {

    /** The interface whose getName() names a store: Hazelcast's com.hazelcast.core.DistributedObject. */
    private static final String NAMED_INTERFACE = "DistributedObject";

    private static final ClassValue<Naming> NAMINGS = new ClassValue<>() {
        @Override
        protected Naming computeValue(Class<?> proxy) {
            return new Naming(library(proxy.getName()) + " " + kind(proxy.getSimpleName()), nameMethod(proxy));
        }
    };

    private record Naming(String libraryAndKind, Method getName) {
    }

    private Stores() {
    }

    /** While a recording wants per-call events, the advice names the stores. */
    public static void activate(SerializationRecording recording) {
        StoreBridge.active = recording.serializationEvents() || recording.deserializationEvents();
    }

    /** The thread's current store, or null outside one (or when it cannot be named). */
    public static String current() {
        Object proxy = StoreBridge.currentProxy();
        if (proxy == null) {
            return null;
        }
        Naming naming = NAMINGS.get(proxy.getClass());
        if (naming.getName() == null) {
            return naming.libraryAndKind();
        }
        try {
            return naming.libraryAndKind() + " " + naming.getName().invoke(proxy);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return naming.libraryAndKind();
        }
    }

    /** com.hazelcast.map.impl.proxy.MapProxyImpl: hazelcast. */
    static String library(String className) {
        String[] parts = className.split("\\.");
        return parts.length > 2 ? parts[1] : parts[0];
    }

    /** MapProxyImpl, NearCachedMapProxyImpl: map; QueueProxyImpl: queue. */
    static String kind(String simpleName) {
        String kind = simpleName.replace("NearCached", "").replace("Proxy", "").replace("Impl", "").replace("Support", "");
        return kind.isEmpty() ? simpleName.toLowerCase(Locale.ROOT) : kind.toLowerCase(Locale.ROOT);
    }

    /** getName() of the public interface that names the proxy, or null. */
    private static Method nameMethod(Class<?> proxy) {
        for (Class<?> type = proxy; type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                Method method = nameMethodOf(implemented);
                if (method != null) {
                    return method;
                }
            }
        }
        return null;
    }

    private static Method nameMethodOf(Class<?> type) {
        if (type.getSimpleName().equals(NAMED_INTERFACE)) {
            try {
                return type.getMethod("getName");
            } catch (NoSuchMethodException | SecurityException e) {
                return null;
            }
        }
        for (Class<?> extended : type.getInterfaces()) {
            Method method = nameMethodOf(extended);
            if (method != null) {
                return method;
            }
        }
        return null;
    }
}
