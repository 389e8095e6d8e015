package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;

/**
 * The call site of a serialization call: the first stack frame, from the top, that belongs to the
 * application. The agent's own frames, the JDK's serialization code and the serialization frameworks
 * are skipped, because "ObjectOutputStream.writeObject" is where every call goes, not where it comes
 * from. Libraries that serialize on the application's behalf (deep-copy utilities, caches and data
 * grids, session managers, Spark) are skipped too, and the one the application called is named after
 * the site: {@code com.example.Handler.handle:58 via SerializationUtils.clone}. {@link #DEFAULT} knows a list of
 * such libraries; {@link #withLibraries} adds the application's own (e.g. a company's messaging library).
 */
public final class CallSites {

    public static final CallSites DEFAULT = new CallSites(List.of());

    /** The site of an event that has no stack trace, or only machinery frames in it. */
    public static final String UNKNOWN = "(unknown call site)";

    private static final String VIA = " via ";

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

    private static final List<String> LIBRARY_PREFIXES = List.of(
            "org.apache.commons.lang3.SerializationUtils",
            "org.apache.commons.lang.SerializationUtils",
            "org.springframework.util.SerializationUtils",
            "org.springframework.core.serializer.",
            "com.hazelcast.",
            "org.apache.catalina.session.",
            "org.apache.catalina.ha.",
            "org.apache.catalina.tribes.",
            "org.apache.spark.",
            "scala.",
            "org.ehcache.",
            "net.sf.ehcache.",
            "org.infinispan.",
            "org.apache.ignite.",
            "org.jboss.marshalling.",
            "io.netty.handler.codec.serialization.");

    /** Class-name prefixes of libraries given by the user, besides {@link #LIBRARY_PREFIXES}. */
    private final List<String> moreLibraries;

    private CallSites(List<String> moreLibraries) {
        this.moreLibraries = List.copyOf(moreLibraries);
    }

    /** These sites with more library prefixes (e.g. {@code com.example.messaging.}); blank entries are ignored. */
    public CallSites withLibraries(List<String> prefixes) {
        List<String> all = new ArrayList<>(moreLibraries);
        prefixes.stream().map(String::strip).filter(prefix -> !prefix.isEmpty()).forEach(all::add);
        return new CallSites(all);
    }

    /** Whether a frame of this class is serialization machinery rather than application code. */
    public static boolean isMachinery(String className) {
        return startsWithAny(className, MACHINERY_PREFIXES);
    }

    /** Whether a frame of this class belongs to a library that serializes on the application's behalf. */
    public boolean isLibrary(String className) {
        return startsWithAny(className, LIBRARY_PREFIXES) || startsWithAny(className, moreLibraries);
    }

    private static boolean startsWithAny(String className, List<String> prefixes) {
        for (String prefix : prefixes) {
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
    public String of(IMCStackTrace trace) {
        if (trace == null) {
            return UNKNOWN;
        }
        return of(trace.getFrames(), CallSites::className, frame -> frame.getMethod().getMethodName(),
                frame -> frame.getFrameLineNumber() == null ? -1 : frame.getFrameLineNumber());
    }

    private static String className(IMCFrame frame) {
        IMCMethod method = frame.getMethod();
        return method == null || method.getType() == null ? null : method.getType().getFullName();
    }

    /**
     * The call site of frames listed from the top, read through the given accessors ({@code className} gives
     * null for a frame without a method): the first application frame, with the outermost library frame above
     * it as "via"; without an application frame, the first library frame.
     */
    public <F> String of(List<? extends F> frames, Function<F, String> className, Function<F, String> methodName,
            ToIntFunction<F> lineNumber) {
        F firstLibrary = null;
        F lastLibrary = null;
        for (F frame : frames) {
            String type = className.apply(frame);
            if (type == null || isMachinery(type)) {
                continue;
            }
            if (isLibrary(type)) {
                firstLibrary = firstLibrary == null ? frame : firstLibrary;
                lastLibrary = frame;
                continue;
            }
            String site = format(type, methodName.apply(frame), lineNumber.applyAsInt(frame));
            return lastLibrary == null ? site
                    : site + VIA + simpleName(className.apply(lastLibrary)) + "." + methodName.apply(lastLibrary);
        }
        return firstLibrary == null ? UNKNOWN : format(className.apply(firstLibrary), methodName.apply(firstLibrary),
                lineNumber.applyAsInt(firstLibrary));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
