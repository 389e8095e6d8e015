package dev.serialscope.jmc.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs the mains of several SerialScope samples one after another in this JVM, so that one recording holds
 * several serialization habits. Started by {@link SampleRecording} as the child JVM's main class, with the
 * samples jar and the agent; takes fully qualified main class names. Uses only the JDK, so that the child's
 * class path needs nothing but the samples jar and this class.
 */
public final class SampleSequence {

    private SampleSequence() {
    }

    public static void main(String[] mainClasses) throws Throwable {
        for (String mainClass : mainClasses) {
            Method main = Class.forName(mainClass).getMethod("main", String[].class);
            try {
                main.invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
