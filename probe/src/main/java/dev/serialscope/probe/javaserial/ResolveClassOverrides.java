package dev.serialscope.probe.javaserial;

import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * Which ObjectInputStream subclasses override resolveClass: look-ahead streams check each class there
 * against an allow-list, a guard that the JDK's serial filter does not show. Judged once per class.
 */
final class ResolveClassOverrides {

    private static final ClassValue<Boolean> OVERRIDES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != ObjectInputStream.class; c = c.getSuperclass()) {
                try {
                    c.getDeclaredMethod("resolveClass", ObjectStreamClass.class);
                    return true;
                } catch (NoSuchMethodException | SecurityException | LinkageError e) {
                    // not declared here (or not to be looked at): try the superclass
                }
            }
            return false;
        }
    };

    private ResolveClassOverrides() {
    }

    static boolean of(ObjectInputStream stream) {
        return stream.getClass() != ObjectInputStream.class && OVERRIDES.get(stream.getClass());
    }
}
