package dev.serialscope.probe.core;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Puts the bridge classes (the package dev.serialscope.boot, which JDK code calls) into the
 * bootstrap class loader, where advice inlined into java.base can see them. They are defined there
 * directly ({@link BootInjector}): appending a jar to the bootstrap search path would switch off
 * class data sharing for the application's classes, with a warning from the JVM.
 */
public final class BootClasses {

    private static final String PACKAGE = "dev/serialscope/boot/";
    private static final String ANY_BRIDGE = "dev.serialscope.boot.Bridge";

    private BootClasses() {
    }

    public static boolean alreadyInjected() {
        try {
            Class.forName(ANY_BRIDGE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public static void inject(Instrumentation instrumentation)
            throws IOException, URISyntaxException, ReflectiveOperationException {
        Map<String, byte[]> classes = bridgeClasses();
        Class<?> injector = new IsolatedLoader().loadClass(BootInjector.class.getName());
        instrumentation.redefineModule(Object.class.getModule(), Set.of(),
                Map.of("jdk.internal.misc", Set.of(injector.getModule())), Map.of(), Set.of(), Map.of());
        injector.getMethod("define", Map.class).invoke(null, classes);
    }

    private static Map<String, byte[]> bridgeClasses() throws IOException, URISyntaxException {
        Path agentJar = Path.of(BootClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new HashMap<>();
        try (JarFile agent = new JarFile(agentJar.toFile())) {
            for (Enumeration<JarEntry> entries = agent.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(PACKAGE) && name.endsWith(".class")) {
                    try (InputStream in = agent.getInputStream(entry)) {
                        classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), in.readAllBytes());
                    }
                }
            }
        }
        if (classes.isEmpty()) {
            throw new IOException(agentJar + " has no " + PACKAGE + " classes");
        }
        return classes;
    }

    /** Holds {@link BootInjector} alone, so that only its module is let into jdk.internal.misc. */
    private static final class IsolatedLoader extends ClassLoader {

        IsolatedLoader() {
            super("serialscope-boot-injector", null);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.equals(BootInjector.class.getName())) {
                throw new ClassNotFoundException(name);
            }
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = BootClasses.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
