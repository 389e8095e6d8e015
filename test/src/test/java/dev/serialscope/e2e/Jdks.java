package dev.serialscope.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDKs every end-to-end test runs on: by default the JDK running the tests and a JDK 25, because
 * SerialScope must work on both 17 and 25. JDK 25 is {@code JAVA25_HOME} when set, otherwise the newest
 * JDK 25 installed beside the running JDK (e.g. under /usr/lib/jvm). A JDK 25 that cannot be found is
 * still listed, so that its tests fail instead of silently covering less; -Dserialscope.test.jdks=home1,home2
 * replaces the list on purpose.
 */
final class Jdks {

    static final String PROPERTY = "serialscope.test.jdks";
    static final String JAVA25_HOME = "JAVA25_HOME";
    private static final int SECOND_FEATURE_VERSION = 25;

    private Jdks() {
    }

    /** Source of the JDK parameter: {@code @MethodSource("dev.serialscope.e2e.Jdks#all")}. */
    static Stream<Jdk> all() {
        String configured = System.getProperty(PROPERTY, "").trim();
        List<Path> homes = configured.isEmpty()
                ? List.of(Path.of(System.getProperty("java.home")), jdk25())
                : Arrays.stream(configured.split(",")).map(String::trim).map(Path::of).toList();
        List<Jdk> distinct = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (Path home : homes) {
            Path identity = realPathIfPresent(home);
            if (!seen.contains(identity)) {
                seen.add(identity);
                distinct.add(new Jdk(home));
            }
        }
        return distinct.stream();
    }

    private static Path jdk25() {
        String configured = System.getenv(JAVA25_HOME);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return installedBesideRunningJdk(SECOND_FEATURE_VERSION)
                .orElse(Path.of("(no JDK " + SECOND_FEATURE_VERSION + " found: set " + JAVA25_HOME + ")"));
    }

    private static Optional<Path> installedBesideRunningJdk(int featureVersion) {
        Path installations = Path.of(System.getProperty("java.home")).toAbsolutePath().getParent();
        if (installations == null || !Files.isDirectory(installations)) {
            return Optional.empty();
        }
        try (Stream<Path> candidates = Files.list(installations)) {
            return candidates.map(Jdk::new)
                    .filter(jdk -> jdk.exists() && jdk.featureVersion() == featureVersion)
                    .max(Comparator.comparing(Jdk::version, Jdks::compareVersions))
                    .map(Jdk::home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int compareVersions(String left, String right) {
        String[] a = left.split("[.+-]");
        String[] b = right.split("[.+-]");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = a[i].matches("\\d+") && b[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]))
                    : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static Path realPathIfPresent(Path home) {
        try {
            return Files.exists(home) ? home.toRealPath() : home.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
