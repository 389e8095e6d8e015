package dev.serialscope.probe.frameworks;

import java.io.File;

/** Channel names of framework calls that do not go through a stream. */
final class Channel {

    static final String MEMORY = "memory";

    private Channel() {
    }

    static String file(Object file) {
        return file instanceof File ? "file " + ((File) file).getAbsolutePath() : unknown(file);
    }

    static String unknown(Object target) {
        return "unknown (" + (target == null ? "null" : target.getClass().getName()) + ")";
    }
}
