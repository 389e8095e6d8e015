package dev.serialscope.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JDKs every end-to-end test runs on: by default the JDK running the tests and Temurin 25,
 * because SerialScope must work on both 17 and 25. A missing default JDK is still listed, so that
 * its tests fail instead of silently covering less; -Dserialscope.test.jdks=home1,home2 replaces
 * the list on purpose.
 */
final class Jdks {

    static final String PROPERTY = "serialscope.test.jdks";
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private Jdks() {
    }

    /** Source of the JDK parameter: {@code @MethodSource("dev.serialscope.e2e.Jdks#all")}. */
    static Stream<Jdk> all() {
        String configured = System.getProperty(PROPERTY, "").trim();
        List<Path> homes = configured.isEmpty()
                ? List.of(Path.of(System.getProperty("java.home")), TEMURIN_25)
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

    private static Path realPathIfPresent(Path home) {
        try {
            return Files.exists(home) ? home.toRealPath() : home.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
