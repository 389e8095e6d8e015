package dev.serialscope.jmc.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Equinox with the bundles of a JMC 9.1 installation that Maven Central has: JMC core, the Eclipse 4.36 UI
 * closure, and our bundle. Only the runtime layer is started (registry, core runtime, JMC core, ours): the
 * workbench bundles just have to resolve, and activating them would need a display.
 */
final class JmcLikeFramework implements AutoCloseable {

    private static final List<String> STARTED_PREFIXES = List.of("org.eclipse.equinox.", "org.eclipse.core.",
            "org.openjdk.jmc.", "dev.serialscope.");

    private final Framework framework;
    private final Map<String, Bundle> bySymbolicName = new HashMap<>();

    private JmcLikeFramework(Framework framework) {
        this.framework = framework;
    }

    static JmcLikeFramework start(Path storage, List<Path> bundleJars) throws BundleException, IOException {
        // Equinox's storage.clean wipes only its own folder; the extension registry caches itself next to it
        // and would answer from the previous run.
        deleteRecursively(storage);
        Map<String, String> configuration = new HashMap<>();
        configuration.put("org.osgi.framework.storage", storage.toString());
        // Platform filters of the SWT fragment and friends.
        configuration.put("osgi.ws", "gtk");
        configuration.put("osgi.os", "linux");
        configuration.put("osgi.arch", "x86_64");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(configuration);
        framework.start();
        JmcLikeFramework jmc = new JmcLikeFramework(framework);
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : bundleJars) {
            Bundle bundle = framework.getBundleContext().installBundle(jar.toUri().toString());
            jmc.bySymbolicName.put(bundle.getSymbolicName(), bundle);
            installed.add(bundle);
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(installed);
        for (Bundle bundle : installed) {
            if (isFragment(bundle) || STARTED_PREFIXES.stream().noneMatch(bundle.getSymbolicName()::startsWith)) {
                continue;
            }
            bundle.start(Bundle.START_ACTIVATION_POLICY);
        }
        return jmc;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Every jar in {@code directory} that has OSGi headers. */
    static List<Path> bundlesIn(Path directory) throws IOException {
        try (Stream<Path> jars = Files.list(directory)) {
            List<Path> bundles = new ArrayList<>();
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getManifest() != null
                            && file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") != null) {
                        bundles.add(jar);
                    }
                }
            }
            return bundles;
        }
    }

    Bundle bundle(String symbolicName) {
        Bundle bundle = bySymbolicName.get(symbolicName);
        if (bundle == null) {
            throw new AssertionError("not installed: " + symbolicName);
        }
        return bundle;
    }

    List<Bundle> bundles() {
        return List.copyOf(bySymbolicName.values());
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get("Fragment-Host") != null;
    }

    @Override
    public void close() throws BundleException {
        framework.stop();
        try {
            framework.waitForStop(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
