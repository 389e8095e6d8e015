package dev.serialscope.jmc.osgi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.openjdk.jmc.flightrecorder.rules.internal.IRuleProvider;

import dev.serialscope.jmc.osgi.bridge.ExtensionRuleProviderReplica;

/** Bundles the integration test makes itself, because Maven Central has no such jars. */
final class TestBundles {

    static final String JMC_UI = "org.openjdk.jmc.flightrecorder.ui";

    private TestBundles() {
    }

    /** The fragment of org.openjdk.jmc.flightrecorder.rules holding {@link ExtensionRuleProviderReplica}. */
    static Path ruleProviderFragment(Path directory) throws IOException {
        Manifest manifest = manifest("dev.serialscope.jmc.test.ruleprovider", "1.0.0");
        Attributes headers = manifest.getMainAttributes();
        headers.putValue("Fragment-Host", "org.openjdk.jmc.flightrecorder.rules");
        headers.putValue("Require-Bundle", "org.eclipse.core.runtime");
        Path fragment = directory.resolve("ruleprovider-fragment.jar");
        String classFile = ExtensionRuleProviderReplica.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(fragment), manifest)) {
            jar.putNextEntry(new JarEntry(classFile));
            try (var bytes = ExtensionRuleProviderReplica.class.getClassLoader().getResourceAsStream(classFile)) {
                bytes.transferTo(jar);
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + IRuleProvider.class.getName()));
            jar.write(ExtensionRuleProviderReplica.class.getName().getBytes(StandardCharsets.UTF_8));
        }
        return fragment;
    }

    /**
     * A stand-in for JMC's UI bundle org.openjdk.jmc.flightrecorder.ui (not on Maven Central) that only declares
     * its datapage extension point. The registry hides contributions to undeclared points, and an extension
     * point's namespace is always its bundle's name, so the stand-in carries the real bundle's name.
     */
    static Path jmcUiStandIn(Path directory) throws IOException {
        Manifest manifest = manifest(JMC_UI + ";singleton:=true", "9.1.2.standin");
        Path bundle = directory.resolve("jmc-ui-standin.jar");
        String pluginXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension-point id="datapage" name="Flight Recorder data pages (stand-in)"/>
                </plugin>
                """;
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(bundle), manifest)) {
            jar.putNextEntry(new JarEntry("plugin.xml"));
            jar.write(pluginXml.getBytes(StandardCharsets.UTF_8));
        }
        return bundle;
    }

    /**
     * A plain jar as a bundle under the name Eclipse Orbit gives it in JMC's product (e4's CSS engine requires
     * org.apache.batik.css and imports org.w3c.css.sac 1.3.0; the Maven Central jars have no OSGi headers).
     * Exports every package at {@code version}; imports resolve lazily, which is enough for resolution.
     */
    static Path orbitStyle(Path plainJar, String symbolicName, String version, Path directory) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (JarFile jar = new JarFile(plainJar.toFile())) {
            jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class") && name.contains("/"))
                    .forEach(name -> packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.')));
        }
        StringJoiner exports = new StringJoiner(",");
        packages.forEach(name -> exports.add(name + ";version=\"" + version + "\""));
        Manifest manifest = manifest(symbolicName, version);
        manifest.getMainAttributes().putValue("Export-Package", exports.toString());
        manifest.getMainAttributes().putValue("DynamicImport-Package", "*");
        Path bundle = directory.resolve(symbolicName + "_" + version + ".jar");
        try (JarFile jar = new JarFile(plainJar.toFile());
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(bundle), manifest)) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    copy(jar, entry, out);
                }
            }
        }
        return bundle;
    }

    private static void copy(JarFile jar, JarEntry entry, OutputStream out) throws IOException {
        try (var in = jar.getInputStream(entry)) {
            in.transferTo(out);
        }
    }

    private static Manifest manifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes headers = manifest.getMainAttributes();
        headers.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.putValue("Bundle-ManifestVersion", "2");
        headers.putValue("Bundle-SymbolicName", symbolicName);
        headers.putValue("Bundle-Version", version);
        return manifest;
    }
}
