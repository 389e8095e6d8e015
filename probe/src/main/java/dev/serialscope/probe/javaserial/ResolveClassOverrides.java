package dev.serialscope.probe.javaserial;

import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Which ObjectInputStreams check classes in their own resolveClass: look-ahead streams check each class there
 * against an allow-list, a guard that the JDK's serial filter does not show. Some libraries override resolveClass
 * to pick a class loader and check classes only when an allow-list is configured (Tomcat's session streams,
 * Hazelcast's): for those the field that holds the allow-list decides, read per stream (null: no check). Streams
 * that only pick a class loader check nothing: the JDK's own (RMI's, which reads every remote call's arguments and
 * results, JMX's, java.beans', JNDI's, SealedObject's, AWT's data transfer) and common libraries' (commons-lang,
 * Commons IO, Spring, Jetty, Kryo, Netty, Spark). Judged once per class; a subclass of a listed stream that does not
 * declare resolveClass itself is judged like it.
 */
final class ResolveClassOverrides {

    /** Streams whose resolveClass checks classes only when this field holds an allow-list; "" for never. */
    private static final Map<String, String> ALLOW_LIST_FIELDS = Map.ofEntries(
            Map.entry("org.apache.catalina.util.CustomObjectInputStream", "allowedClassNamePattern"),
            Map.entry("com.hazelcast.internal.nio.IOUtil$ClassLoaderAwareObjectInputStream", "classFilter"),
            // RMI's ConnectionInputStream and MarshalledObject's stream extend this one: codebase class loading only.
            Map.entry("sun.rmi.server.MarshalInputStream", ""),
            Map.entry("javax.management.remote.rmi.RMIConnector$ObjectInputStreamWithLoader", ""),
            Map.entry("com.sun.jmx.mbeanserver.ObjectInputStreamWithLoader", ""),
            Map.entry("javax.management.loading.MLetObjectInputStream", ""),
            Map.entry("java.beans.ObjectInputStreamWithLoader", ""),
            Map.entry("com.sun.jndi.ldap.Obj$LoaderInputStream", ""),
            Map.entry("javax.crypto.extObjectInputStream", ""),
            Map.entry("sun.awt.datatransfer.ClassLoaderObjectInputStream", ""),
            Map.entry("org.apache.commons.lang3.SerializationUtils$ClassLoaderAwareObjectInputStream", ""),
            Map.entry("org.apache.commons.io.input.ClassLoaderObjectInputStream", ""),
            Map.entry("org.springframework.core.ConfigurableObjectInputStream", ""),
            Map.entry("org.eclipse.jetty.util.ClassLoadingObjectInputStream", ""),
            Map.entry("com.esotericsoftware.kryo.serializers.JavaSerializer$ObjectInputStreamWithKryoClassLoader", ""),
            Map.entry("io.netty.handler.codec.serialization.CompactObjectInputStream", ""),
            Map.entry("org.apache.spark.serializer.JavaDeserializationStream$$anon$1", ""));

    /** How a stream class's resolveClass guards: never, always, or when its allow-list field is set. */
    private static final class Check {
        static final Check NEVER = new Check(null);
        static final Check ALWAYS = new Check(null);

        private final Field allowList;

        private Check(Field allowList) {
            this.allowList = allowList;
        }

        boolean guards(ObjectInputStream stream) {
            if (allowList == null) {
                return this == ALWAYS;
            }
            try {
                return allowList.get(stream) != null;
            } catch (IllegalAccessException | RuntimeException e) {
                return true;
            }
        }
    }

    private static final ClassValue<Check> CHECKS = new ClassValue<>() {
        @Override
        protected Check computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != ObjectInputStream.class; c = c.getSuperclass()) {
                String field = ALLOW_LIST_FIELDS.get(c.getName());
                if (field != null) {
                    return field.isEmpty() ? Check.NEVER : allowListCheck(c, field);
                }
                try {
                    c.getDeclaredMethod("resolveClass", ObjectStreamClass.class);
                    return Check.ALWAYS;
                } catch (NoSuchMethodException | SecurityException | LinkageError e) {
                    // not declared here (or not to be looked at): try the superclass
                }
            }
            return Check.NEVER;
        }
    };

    /** The check through the allow-list field; a field that cannot be read counts as a check, as before. */
    private static Check allowListCheck(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return new Check(field);
        } catch (NoSuchFieldException | RuntimeException | LinkageError e) {
            return Check.ALWAYS;
        }
    }

    private ResolveClassOverrides() {
    }

    static boolean of(ObjectInputStream stream) {
        return stream.getClass() != ObjectInputStream.class && CHECKS.get(stream.getClass()).guards(stream);
    }
}
