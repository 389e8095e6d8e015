package dev.serialscope.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** SerialScope's recording settings, read from the events module's sources (set by the build). */
enum Profile {
    PRODUCTION("production.jfc"),
    DIAGNOSE("diagnose.jfc");

    private final String fileName;

    Profile(String fileName) {
        this.fileName = fileName;
    }

    Path settingsFile() {
        Path file = Path.of(System.getProperty("serialscope.settings", "(serialscope.settings not set)"), fileName);
        assertTrue(Files.isRegularFile(file), "settings file not found: " + file
                + " (the test module's surefire configuration sets serialscope.settings)");
        return file;
    }
}
