package dev.serialscope.probe.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge classes (the package dev.serialscope.boot, which JDK code calls) into the
 * bootstrap class loader, where advice inlined into java.base can see them. The JVM only takes a
 * jar file for that, so they are copied from the agent jar into a temporary jar that is deleted
 * when the JVM exits.
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

    public static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
        Path agentJar = Path.of(BootClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = Files.createTempFile("serialscope-boot-", ".jar");
        jar.toFile().deleteOnExit();
        int copied = 0;
        try (JarFile agent = new JarFile(agentJar.toFile());
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            for (Enumeration<JarEntry> entries = agent.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PACKAGE) && entry.getName().endsWith(".class")) {
                    try (InputStream in = agent.getInputStream(entry)) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                    copied++;
                }
            }
        }
        if (copied == 0) {
            throw new IOException(agentJar + " has no " + PACKAGE + " classes");
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
