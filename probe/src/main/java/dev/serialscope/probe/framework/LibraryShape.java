package dev.serialscope.probe.framework;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Checks that a library class has every member the advice relies on before it is touched; a class
 * that lacks any of them (another major version, a shaded look-alike) is left alone, with one line
 * on standard error. Each check returns what is missing, or null.
 */
public final class LibraryShape {

    private static final Set<String> NOTICES = ConcurrentHashMap.newKeySet();

    private LibraryShape() {
    }

    public static ElementMatcher.Junction<MethodDescription> publicMethod() {
        return isPublic().and(not(isStatic()));
    }

    /** The first missing member, or null when all are there. */
    public static String missing(String... checks) {
        for (String check : checks) {
            if (check != null) {
                return check;
            }
        }
        return null;
    }

    public static String has(MethodList<MethodDescription.InDefinedShape> methods, String what,
                             ElementMatcher<? super MethodDescription.InDefinedShape> matcher) {
        return methods.filter(matcher).isEmpty() ? what : null;
    }

    public static String hasField(TypeDescription type, String name, Class<?> fieldType) {
        for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
            if (field.getName().equals(name) && !field.isStatic() && field.getType().asErasure().represents(fieldType)) {
                return null;
            }
        }
        return fieldType.getName() + " " + name;
    }

    /** Whether the type of parameter {@code index} of the (first) method has a public long {@code name}() (declared or inherited). */
    public static String hasNoArgMethod(MethodList<MethodDescription.InDefinedShape> candidates, int index, String name,
                                        String what) {
        if (candidates.isEmpty()) {
            return what;
        }
        TypeDescription parameterType = candidates.getOnly().getParameters().get(index).getType().asErasure();
        return publicNoArg(parameterType, name, "long") ? null : what;
    }

    public static String hasNoArgReturnMethod(MethodList<MethodDescription.InDefinedShape> candidates, String name,
                                              String what) {
        if (candidates.isEmpty()) {
            return what;
        }
        return publicNoArg(candidates.getOnly().getReturnType().asErasure(), name, "int") ? null : what;
    }

    private static boolean publicNoArg(TypeDescription type, String name, String returnType) {
        for (TypeDescription.Generic current = type.asGenericType(); current != null; current = current.getSuperClass()) {
            for (MethodDescription method : current.asErasure().getDeclaredMethods()) {
                if (method.getName().equals(name) && method.isPublic() && method.getParameters().isEmpty()
                        && method.getReturnType().asErasure().getName().equals(returnType)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Leaves {@code type} unchanged, saying once why. */
    public static DynamicType.Builder<?> skip(DynamicType.Builder<?> builder, String library, TypeDescription type,
                                              String missing) {
        if (NOTICES.add(type.getName())) {
            System.err.println("[serialscope] " + library + " calls through " + type.getName()
                    + " are not recorded: this version lacks " + missing + " (supported: Kryo 5, Jackson 2, Protobuf 3/4)");
        }
        return builder;
    }
}
