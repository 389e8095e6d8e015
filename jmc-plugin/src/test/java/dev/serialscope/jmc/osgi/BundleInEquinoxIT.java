package dev.serialscope.jmc.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import dev.serialscope.jmc.testing.TestOutput;

/**
 * Boots Equinox with the JMC 9.1.2 core bundles, the Eclipse 4.36 workbench bundles JMC 9.1.2 runs on (all from
 * Maven Central) and the packaged dev.serialscope.jmc jar, and checks what JMC would see: the bundle resolves,
 * its extensions are in the registry, and RuleRegistry.getRules() returns our rules.
 *
 * JMC hands plugin rules to RuleRegistry through its application fragment
 * org.openjdk.jmc.flightrecorder.rules.extensionprovider, which is not on Maven Central; the test installs
 * {@link dev.serialscope.jmc.osgi.bridge.ExtensionRuleProviderReplica}, a copy of it, as that fragment.
 */
class BundleInEquinoxIT {

    private static final String OUR_BUNDLE = "dev.serialscope.jmc";
    private static final String REGISTRY = "org.eclipse.equinox.registry";
    private static final String DATAPAGE_POINT = TestBundles.JMC_UI + ".datapage";
    private static final String RULES_SERVICES = "META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule";
    private static final int JAVA_17_CLASS_VERSION = 61;

    private static Path bundleJar;
    private static JmcLikeFramework jmc;

    @BeforeAll
    static void startFramework() throws Exception {
        bundleJar = Path.of(System.getProperty("serialscope.bundle.jar"));
        Path osgiBundles = Path.of(System.getProperty("serialscope.osgi.bundles"));
        Path work = Files.createDirectories(TestOutput.directory().resolve("osgi-it"));
        List<Path> bundles = new ArrayList<>(JmcLikeFramework.bundlesIn(osgiBundles));
        bundles.add(TestBundles.orbitStyle(single(osgiBundles, "batik-css-"), "org.apache.batik.css", "1.17.0", work));
        bundles.add(TestBundles.orbitStyle(single(osgiBundles, "xml-apis-ext-"), "org.w3c.css.sac", "1.3.0", work));
        bundles.add(TestBundles.ruleProviderFragment(work));
        bundles.add(TestBundles.jmcUiStandIn(work));
        bundles.add(bundleJar);
        jmc = JmcLikeFramework.start(work.resolve("storage"), bundles);
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (jmc != null) {
            jmc.close();
        }
    }

    @Test
    void everyBundleOfTheInstallationResolves() {
        List<String> unresolved = jmc.bundles().stream().filter(bundle -> bundle.getState() == Bundle.INSTALLED)
                .map(Bundle::getSymbolicName).sorted().toList();
        assertEquals(List.of(), unresolved);
    }

    @Test
    void ourBundleIsWiredToTheWorkbenchAndJmcCore() {
        BundleWiring wiring = jmc.bundle(OUR_BUNDLE).adapt(BundleWiring.class);
        assertNotNull(wiring, "dev.serialscope.jmc did not resolve");
        Set<String> required = wiring.getRequiredWires("osgi.wiring.bundle").stream()
                .map(BundleWire::getProvider).map(provider -> provider.getSymbolicName())
                .collect(Collectors.toSet());
        // The optional requirement on JMC's UI bundle must wire when that bundle is there: it is what makes the
        // workbench read JMC's perspective extension (which creates Stack Trace) before ours.
        assertTrue(required.containsAll(Set.of("org.eclipse.ui", "org.eclipse.core.runtime",
                "org.openjdk.jmc.common", "org.openjdk.jmc.flightrecorder", "org.openjdk.jmc.flightrecorder.rules",
                TestBundles.JMC_UI)), required.toString());
    }

    @Test
    void manifestSuitsJmcDropins() {
        Bundle bundle = jmc.bundle(OUR_BUNDLE);
        String symbolicName = bundle.getHeaders().get("Bundle-SymbolicName");
        assertTrue(symbolicName.contains("singleton:=true"), symbolicName);
        assertEquals("JavaSE-17", bundle.getHeaders().get("Bundle-RequiredExecutionEnvironment"));
        assertEquals(OUR_BUNDLE + "_" + bundle.getVersion() + ".jar", bundleJar.getFileName().toString());
        String requirements = bundle.getHeaders().get("Require-Bundle");
        for (String missingFromJmc : List.of("org.eclipse.ui.ide", "org.eclipse.ui.editors",
                "org.eclipse.core.resources")) {
            assertFalse(requirements.contains(missingFromJmc + ",") || requirements.endsWith(missingFromJmc),
                    requirements);
        }
        assertTrue(requirements.contains("org.openjdk.jmc.flightrecorder.ui;resolution:=optional"), requirements);
    }

    @Test
    void everyClassIsJava17BytecodeAndLoadsInTheFramework() throws Exception {
        Bundle bundle = jmc.bundle(OUR_BUNDLE);
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(bundleJar.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        assertEquals(JAVA_17_CLASS_VERSION, classVersion(in), entry.getName());
                    }
                    classes.add(entry.getName().replace('/', '.').replace(".class", ""));
                }
            }
        }
        assertTrue(classes.contains("dev.serialscope.jmc.view.HotSpotsView"), classes.toString());
        for (String className : classes) {
            assertEquals(bundle, ((BundleReference) bundle.loadClass(className).getClassLoader()).getBundle());
        }
    }

    @Test
    void ruleProviderContributionHasTheEmptyElementJmcIterates() throws Exception {
        List<ContributedElement> ours = ours("org.openjdk.jmc.flightrecorder.rules.ruleProvider");
        assertEquals(List.of(new ContributedElement(OUR_BUNDLE, "ruleProvider", Map.of(), List.of())),
                ours);
    }

    @Test
    void pagesContributionPointsAtPagesXmlInTheBundle() throws Exception {
        List<ContributedElement> ours = ours(DATAPAGE_POINT);
        assertEquals(1, ours.size());
        assertEquals("pages", ours.get(0).name());
        String file = ours.get(0).attributes().get("file");
        assertNotNull(jmc.bundle(OUR_BUNDLE).getEntry(file), file);
    }

    @Test
    void viewIsInTheMissionControlCategoryWithALoadableClassAndIcon() throws Exception {
        List<ContributedElement> views = ours("org.eclipse.ui.views");
        assertEquals(1, views.size());
        ContributedElement view = views.get(0);
        assertEquals("Serialization Hot Spots", view.attributes().get("name"));
        assertEquals("org.openjdk.jmc.ui.main", view.attributes().get("category"));
        Class<?> viewClass = jmc.bundle(OUR_BUNDLE).loadClass(view.attributes().get("class"));
        assertEquals("org.eclipse.ui.part.ViewPart", viewClass.getSuperclass().getName());
        assertNotNull(jmc.bundle(OUR_BUNDLE).getEntry(view.attributes().get("icon")));
    }

    @Test
    void perspectiveExtensionStacksTheViewOnStackTraceWithAShortcut() throws Exception {
        List<ContributedElement> extensions = ours("org.eclipse.ui.perspectiveExtensions");
        assertEquals(1, extensions.size());
        ContributedElement perspective = extensions.get(0);
        assertEquals("org.openjdk.jmc.ui.idesupport.StandardPerspective", perspective.attributes().get("targetID"));
        String viewId = ours("org.eclipse.ui.views").get(0).attributes().get("id");
        ContributedElement placement = perspective.children().stream().filter(child -> child.name().equals("view"))
                .findFirst().orElseThrow();
        assertEquals(viewId, placement.attributes().get("id"));
        assertEquals("stack", placement.attributes().get("relationship"));
        assertEquals("org.openjdk.jmc.flightrecorder.ui.StacktraceView", placement.attributes().get("relative"));
        assertTrue(perspective.children().stream().anyMatch(child -> child.name().equals("viewShortcut")
                && viewId.equals(child.attributes().get("id"))), perspective.children().toString());
    }

    @Test
    void ruleRegistryReturnsOurRulesFromOurBundleNextToJmcsOwn() throws Exception {
        Bundle rulesBundle = jmc.bundle("org.openjdk.jmc.flightrecorder.rules");
        Collection<?> rules = (Collection<?>) rulesBundle.loadClass("org.openjdk.jmc.flightrecorder.rules.RuleRegistry")
                .getMethod("getRules").invoke(null);
        List<String> ours = new ArrayList<>();
        Set<String> topics = new HashSet<>();
        for (Object rule : rules) {
            Bundle origin = ((BundleReference) rule.getClass().getClassLoader()).getBundle();
            if (origin.getSymbolicName().equals(OUR_BUNDLE)) {
                ours.add(rule.getClass().getName());
                topics.add((String) rule.getClass().getMethod("getTopic").invoke(rule));
            }
        }
        assertEquals(embeddedRuleClasses(), Set.copyOf(ours));
        assertEquals(Set.of("serialscope.serialization", "serialscope.deserialization"), topics);
        assertTrue(rules.size() > ours.size() + 30, "JMC's own rules are missing: " + rules.size());
    }

    /** The rule classes listed in the services file of the rules jar inside our bundle. */
    private static Set<String> embeddedRuleClasses() throws IOException {
        try (JarFile bundle = new JarFile(bundleJar.toFile());
                JarInputStream rulesJar = new JarInputStream(
                        bundle.getInputStream(bundle.getEntry("lib/serialscope-rules.jar")))) {
            for (JarEntry entry = rulesJar.getNextJarEntry(); entry != null; entry = rulesJar.getNextJarEntry()) {
                if (entry.getName().equals(RULES_SERVICES)) {
                    Set<String> classes = new String(rulesJar.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .collect(Collectors.toSet());
                    assertFalse(classes.isEmpty());
                    return classes;
                }
            }
        }
        throw new AssertionError("no " + RULES_SERVICES + " in lib/serialscope-rules.jar");
    }

    private static List<ContributedElement> ours(String extensionPoint) throws Exception {
        List<ContributedElement> all = ContributedElement.of(jmc.bundle(REGISTRY), extensionPoint);
        assertNotEquals(List.of(), all, "nothing contributed to " + extensionPoint);
        return all.stream().filter(element -> element.contributor().equals(OUR_BUNDLE)).toList();
    }

    private static int classVersion(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        return in.readUnsignedShort();
    }

    private static Path single(Path directory, String prefix) throws IOException {
        try (var files = Files.list(directory)) {
            List<Path> matches = files.filter(file -> file.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, matches.size(), prefix + " in " + directory);
            return matches.get(0);
        }
    }
}
