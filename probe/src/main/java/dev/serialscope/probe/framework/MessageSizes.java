package dev.serialscope.probe.framework;

import dev.serialscope.probe.core.CompositionPaths;
import dev.serialscope.probe.core.PathTotal;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The composition of a Protobuf message from sizes only: per set field, the bytes it takes in the message's
 * encoding (protobuf's own {@code FieldSet.computeFieldSize}, which reads the sizes messages memoize), and
 * below message fields their fields, down to {@code maxDepth} levels. Nothing is written or copied. Repeated
 * fields (and map fields, repeated entries) are one path with one count per element, and their message
 * elements are labelled by index as java serialization labels arrays. Unknown fields are left out.
 */
final class MessageSizes {

    private static final Members ALL_FIELDS = new Members("getAllFields", Object.class);
    private static final Members NAME = new Members("getName", Object.class);
    private static final ClassValue<MethodHandle> FIELD_SIZE = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> descriptorClass) {
            return fieldSize(descriptorClass);
        }
    };

    private MessageSizes() {
    }

    /** The paths of {@code message}, or null when it is not a message of the shape this knows. */
    static Collection<PathTotal> of(Object message, int maxDepth) throws Throwable {
        List<PathTotal> paths = new ArrayList<>();
        return add(paths, message, "", 0, maxDepth) ? paths : null;
    }

    private static boolean add(List<PathTotal> paths, Object message, String path, int level, int maxDepth)
            throws Throwable {
        if (level >= maxDepth) {
            return true;
        }
        Object fields = ALL_FIELDS.getObject(message);
        if (!(fields instanceof Map)) {
            return false;
        }
        for (Map.Entry<?, ?> field : ((Map<?, ?>) fields).entrySet()) {
            Object descriptor = field.getKey();
            Object value = field.getValue();
            MethodHandle size = FIELD_SIZE.get(descriptor.getClass());
            Object name = NAME.getObject(descriptor);
            if (size == null || !(name instanceof String)) {
                return false;
            }
            String fieldPath = CompositionPaths.join(path, (String) name);
            PathTotal total = new PathTotal(fieldPath, level + 1, message.getClass(), (String) name);
            paths.add(total);
            if (value instanceof List) {
                List<?> elements = (List<?>) value;
                total.add((int) size.invokeExact(descriptor, value), 0, elements.isEmpty() ? null
                        : elements.get(0).getClass(), 0);
                total.count = elements.size();
                for (int i = 0; i < elements.size() && level + 2 <= maxDepth; i++) {
                    Object element = elements.get(i);
                    if (isMessage(element)) {
                        String label = CompositionPaths.indexLabel(i, elements.size());
                        element(paths, fieldPath + label, level + 2, message.getClass(), label,
                                (int) size.invokeExact(descriptor, (Object) List.of(element)), element);
                        if (!add(paths, element, fieldPath + label, level + 2, maxDepth)) {
                            return false;
                        }
                    }
                }
            } else {
                total.add((int) size.invokeExact(descriptor, value), 0, value.getClass(), identity(value));
                if (isMessage(value) && !add(paths, value, fieldPath, level + 1, maxDepth)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Elements of one index range share a path. */
    private static void element(List<PathTotal> paths, String path, int level, Class<?> declaring, String label,
                                int bytes, Object element) {
        for (PathTotal existing : paths) {
            if (existing.path.equals(path)) {
                existing.add(bytes, 0, element.getClass(), identity(element));
                return;
            }
        }
        PathTotal total = new PathTotal(path, level, declaring, label);
        total.add(bytes, 0, element.getClass(), identity(element));
        paths.add(total);
    }

    private static boolean isMessage(Object value) {
        return ALL_FIELDS.has(value);
    }

    /** Messages, strings and byte strings are objects a message can share; numbers and enums say nothing. */
    private static long identity(Object value) {
        return isMessage(value) || value instanceof String || value.getClass().getName().contains("ByteString")
                ? System.identityHashCode(value) & 0xFFFF_FFFFL : 0;
    }

    /** protobuf's FieldSet.computeFieldSize(FieldDescriptorLite, Object), from the descriptor's own class loader. */
    private static MethodHandle fieldSize(Class<?> descriptorClass) {
        try {
            String pkg = descriptorClass.getPackageName();
            Class<?> fieldSet = Class.forName(pkg + ".FieldSet", false, descriptorClass.getClassLoader());
            Class<?> lite = Class.forName(pkg + ".FieldSet$FieldDescriptorLite", false, descriptorClass.getClassLoader());
            Method method = fieldSet.getDeclaredMethod("computeFieldSize", lite, Object.class);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method)
                    .asType(MethodType.methodType(int.class, Object.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
