package dev.serialscope.jmc.testing;

import java.nio.file.Path;

/** Where tests put what they produce: Maven's target/ (passed by surefire and failsafe), else the temp dir. */
public final class TestOutput {

    private TestOutput() {
    }

    public static Path directory() {
        String target = System.getProperty("serialscope.test.output");
        return target != null ? Path.of(target) : Path.of(System.getProperty("java.io.tmpdir"), "serialscope-jmc");
    }
}
