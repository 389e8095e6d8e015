package dev.serialscope.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the few classes that JDK code calls into the bootstrap class loader, where advice inlined
 * into java.base can see them. The JVM only takes a jar file for that, so they are copied from
 * the agent jar into a temporary jar that is deleted when the JVM exits.
 */
final class BootClasses {

    private static final String BRIDGE = "dev.serialscope.boot.Bridge";
    private static final String[] CLASSES = {
        BRIDGE, "dev.serialscope.boot.ProbeHooks", "dev.serialscope.boot.CountingOutputStream",
        "dev.serialscope.boot.FrameworkBridge", "dev.serialscope.boot.FrameworkBridge$Hooks",
        "dev.serialscope.boot.FrameworkBridge$CountingInputStream",
        "dev.serialscope.boot.IpcBridge", "dev.serialscope.boot.IpcBridge$Hooks",
    };

    private BootClasses() {
    }

    static boolean alreadyInjected() {
        try {
            Class.forName(BRIDGE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        Path jar = Files.createTempFile("serialscope-boot-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                String entry = name.replace('.', '/') + ".class";
                try (InputStream in = BootClasses.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException("agent jar lacks " + entry);
                    }
                    out.putNextEntry(new JarEntry(entry));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
