package dev.serialscope.probe.frameworks;

import dev.serialscope.boot.FrameworkBridge;

/** Names of the third-party frameworks, as the {@code framework} field of the events spells them. */
public final class Frameworks {

    public static final String KRYO = "kryo";
    public static final String JACKSON = "jackson";
    public static final String PROTOBUF = "protobuf";

    private static final String[] NAMES = new String[FrameworkBridge.FRAMEWORKS];

    static {
        NAMES[FrameworkBridge.KRYO] = KRYO;
        NAMES[FrameworkBridge.JACKSON] = JACKSON;
        NAMES[FrameworkBridge.PROTOBUF] = PROTOBUF;
    }

    private Frameworks() {
    }

    /** Number of frameworks: their numbers are 0 .. count() - 1. */
    public static int count() {
        return NAMES.length;
    }

    public static String name(int framework) {
        return NAMES[framework];
    }
}
