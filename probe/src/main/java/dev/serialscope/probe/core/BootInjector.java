package dev.serialscope.probe.core;

import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;

/**
 * Defines classes in the bootstrap loader with the JDK's internal Unsafe. Loaded by a class loader
 * of its own, whose unnamed module alone is let into jdk.internal.misc: neither the application
 * nor the rest of the agent gains that access.
 */
public final class BootInjector {

    private BootInjector() {
    }

    /** {@code classes}: binary name to class file. */
    public static void define(Map<String, byte[]> classes) throws ReflectiveOperationException {
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        for (Map.Entry<String, byte[]> type : classes.entrySet()) {
            byte[] bytes = type.getValue();
            define.invoke(unsafe, type.getKey(), bytes, 0, bytes.length, null, null);
        }
    }
}
