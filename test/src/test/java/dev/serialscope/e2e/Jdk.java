package dev.serialscope.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A JDK installation the end-to-end tests launch programs with. */
record Jdk(Path home) {

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    boolean exists() {
        return Files.isExecutable(java());
    }

    /** The JAVA_VERSION of the installation's release file, e.g. 17.0.15. */
    String version() {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return "unknown version";
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("JAVA_VERSION", "unknown version").replace("\"", "");
    }

    /** The feature version, e.g. 17 or 25; 0 when the release file does not say. */
    int featureVersion() {
        String first = version().split("[.+-]")[0];
        return first.matches("\\d+") ? Integer.parseInt(first) : 0;
    }

    /** Shown as the name of each parameterized test. */
    @Override
    public String toString() {
        return exists() ? "JDK " + version() + " (" + home + ")" : "missing JDK " + home;
    }
}
