package dev.serialscope.rules.recording;

import java.util.List;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;

/**
 * The call site of a serialization call: the first stack frame, from the top, that belongs to the
 * application. The agent's own frames, the JDK's serialization code and the serialization frameworks
 * are skipped, because "ObjectOutputStream.writeObject" is where every call goes, not where it comes
 * from.
 */
public final class CallSites {

    /** The site of an event that has no stack trace, or only machinery frames in it. */
    public static final String UNKNOWN = "(unknown call site)";

    private static final List<String> MACHINERY_PREFIXES = List.of(
            // The agent runs inside the application; its frames sit on top of every stack. Only the
            // in-process parts are skipped: the samples (dev.serialscope.samples) are applications.
            "dev.serialscope.probe.",
            "dev.serialscope.boot.",
            "dev.serialscope.events.",
            // ObjectOutputStream, ObjectInputStream, ObjectStreamClass and their inner classes.
            "java.io.Object",
            "java.io.SerialCallbackContext",
            // Custom writeObject/readObject methods and frameworks are reached through reflection.
            "java.lang.reflect.",
            "java.lang.invoke.",
            "jdk.internal.reflect.",
            "com.esotericsoftware.kryo.",
            "com.fasterxml.jackson.",
            "com.google.protobuf.",
            // RMI marshals arguments and results; the remote call's caller is the interesting frame.
            "sun.rmi.");

    private CallSites() {
    }

    /** Whether a frame of this class is serialization machinery rather than application code. */
    public static boolean isMachinery(String className) {
        for (String prefix : MACHINERY_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The printed form of a call site, e.g. {@code com.example.shop.OrderService.send:42}. */
    public static String format(String className, String methodName, int lineNumber) {
        String site = className + "." + methodName;
        return lineNumber > 0 ? site + ":" + lineNumber : site;
    }

    /** The call site of a stack trace as JMC's parser presents it. */
    public static String of(IMCStackTrace trace) {
        if (trace == null) {
            return UNKNOWN;
        }
        for (IMCFrame frame : trace.getFrames()) {
            IMCMethod method = frame.getMethod();
            if (method == null || method.getType() == null) {
                continue;
            }
            String className = method.getType().getFullName();
            if (!isMachinery(className)) {
                Integer line = frame.getFrameLineNumber();
                return format(className, method.getMethodName(), line == null ? -1 : line);
            }
        }
        return UNKNOWN;
    }
}
