package dev.serialscope.probe.framework;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Public no-argument methods of library classes (Kryo's Output.total(), Protobuf's ByteString.size(), ...),
 * looked up by name on the runtime class of each object, once per class: the agent never links
 * against the libraries. A class without the method yields {@link #MISSING}.
 */
final class Members {

    static final long MISSING = Long.MIN_VALUE;

    private final String name;
    private final Class<?> returnType;
    private final ClassValue<MethodHandle> handles = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            return find(type);
        }
    };

    Members(String name, Class<?> returnType) {
        this.name = name;
        this.returnType = returnType;
    }

    /** Calls the long (or int) method; {@link #MISSING} when the object is null or lacks it. */
    long getLong(Object target) throws Throwable {
        if (target == null) {
            return MISSING;
        }
        MethodHandle handle = handles.get(target.getClass());
        return handle == null ? MISSING : (long) handle.invokeExact(target);
    }

    Object getObject(Object target) throws Throwable {
        if (target == null) {
            return null;
        }
        MethodHandle handle = handles.get(target.getClass());
        return handle == null ? null : (Object) handle.invokeExact(target);
    }

    boolean getBoolean(Object target) throws Throwable {
        if (target == null) {
            return false;
        }
        MethodHandle handle = handles.get(target.getClass());
        return handle != null && (boolean) handle.invokeExact(target);
    }

    /** Whether the object's class has the method. */
    boolean has(Object target) {
        return target != null && handles.get(target.getClass()) != null;
    }

    /** The method as declared by the nearest public class, so that non-public subclasses work too. */
    private MethodHandle find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            try {
                Method method = c.getMethod(name);
                if (method.getReturnType() != returnType && !(returnType == long.class && method.getReturnType() == int.class)
                        && !(returnType == Object.class && !method.getReturnType().isPrimitive())) {
                    return null;
                }
                MethodHandle handle = MethodHandles.publicLookup().unreflect(method);
                Class<?> exposed = returnType == Object.class ? Object.class : returnType;
                return handle.asType(MethodType.methodType(exposed, Object.class));
            } catch (NoSuchMethodException | IllegalAccessException | SecurityException e) {
                // Try the next public superclass.
            }
        }
        return null;
    }
}
