package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;

/**
 * The call site of a serialization call: the first stack frame, from the top, that belongs to the
 * application. The agent's own frames, the JDK's serialization code and the serialization frameworks
 * are skipped, because "ObjectOutputStream.writeObject" is where every call goes, not where it comes
 * from. Libraries that serialize on the application's behalf (deep-copy utilities, caches and data
 * grids, session managers, Spark) are skipped too, and the one the application called is named after
 * the site: {@code com.example.Handler.handle:58 via SerializationUtils.clone}. {@link #DEFAULT} knows a list of
 * such libraries ({@link Library}); {@link #withLibraries} and the rule preference {@link #LIBRARIES} add the
 * application's own (e.g. a company's messaging library).
 */
public final class CallSites {

    public static final CallSites DEFAULT = new CallSites(Library.KNOWN);

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

    private static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** The extra libraries, shared by every rule that names call sites (JMC keeps one value per id). */
    public static final TypedPreference<String> LIBRARIES = new TypedPreference<>("serialscope.callSites.libraries",
            "Application libraries", "Comma-separated class-name prefixes (e.g. com.example.messaging.) of the "
                    + "application's own libraries that serialize on its behalf, besides the known ones (commons-lang, "
                    + "Spring, Hazelcast, Tomcat, Spark and Scala, Ehcache, Infinispan, Ignite, JBoss Marshalling, "
                    + "Netty): call sites are then the application's frame below them.",
            UnitLookup.PLAIN_TEXT.getPersister(), "");

    /** The known libraries, then the user's. */
    private final List<Library> libraries;

    private CallSites(List<Library> libraries) {
        this.libraries = List.copyOf(libraries);
    }

    /** The sites with the libraries of {@link #LIBRARIES} in these preferences. */
    public static CallSites of(IPreferenceValueProvider preferences) {
        return DEFAULT.withLibraries(Arrays.asList(preferences.getPreferenceValue(LIBRARIES).split(",")));
    }

    /** These sites with more library prefixes (e.g. {@code com.example.messaging.}); blank entries are ignored. */
    public CallSites withLibraries(List<String> prefixes) {
        List<Library> all = new ArrayList<>(libraries);
        prefixes.stream().map(String::strip).filter(prefix -> !prefix.isEmpty()).map(Library::named)
                .forEach(all::add);
        return new CallSites(all);
    }

    /** Whether a frame of this class is serialization machinery rather than application code. */
    public static boolean isMachinery(String className) {
        return startsWithAny(className, MACHINERY_PREFIXES);
    }

    private static boolean isJdk(String className) {
        return startsWithAny(className, JDK_PREFIXES);
    }

    /** Whether a frame of this class belongs to a library that serializes on the application's behalf. */
    public boolean isLibrary(String className) {
        return libraryOf(className) != null;
    }

    /** The library a frame of this class belongs to; null for the application's own code. */
    private Library libraryOf(String className) {
        for (Library library : libraries) {
            if (library.contains(className)) {
                return library;
            }
        }
        return null;
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

    /** A call site and the library the application called there, null when it called serialization itself. */
    public record Place(String site, Library library) {
    }

    /** The call site of a stack trace as JMC's parser presents it. */
    public String of(IMCStackTrace trace) {
        return place(trace).site();
    }

    /** The call site of a stack trace as JMC's parser presents it, with the library called there. */
    public Place place(IMCStackTrace trace) {
        if (trace == null) {
            return new Place(UNKNOWN, null);
        }
        return place(trace.getFrames(), CallSites::className, frame -> frame.getMethod().getMethodName(),
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
        return place(frames, className, methodName, lineNumber).site();
    }

    /** {@link #of(List, Function, Function, ToIntFunction)} with the library called at the site. */
    public <F> Place place(List<? extends F> frames, Function<F, String> className, Function<F, String> methodName,
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
            // A library that hands work to a JDK executor (Tomcat starting a context) runs below it: look further.
            if (lastLibrary != null && isJdk(type)) {
                continue;
            }
            String site = format(type, methodName.apply(frame), lineNumber.applyAsInt(frame));
            if (lastLibrary == null) {
                return new Place(site, null);
            }
            String via = className.apply(lastLibrary);
            return new Place(site + VIA + simpleName(via) + "." + methodName.apply(lastLibrary), libraryOf(via));
        }
        if (firstLibrary == null) {
            return new Place(UNKNOWN, null);
        }
        // No application frame (a library's own thread, Spark's task runner): the innermost library frame, and
        // the outermost one that runs it.
        String first = className.apply(firstLibrary);
        String site = format(first, methodName.apply(firstLibrary), lineNumber.applyAsInt(firstLibrary));
        return new Place(lastLibrary == firstLibrary ? site
                : site + VIA + simpleName(className.apply(lastLibrary)) + "." + methodName.apply(lastLibrary),
                libraryOf(first));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
