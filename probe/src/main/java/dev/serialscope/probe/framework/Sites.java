package dev.serialscope.probe.framework;

import dev.serialscope.boot.FrameworkBridge;
import net.bytebuddy.asm.Advice;

/**
 * The kinds of call sites the framework advice is applied to: where the bytes of a call can be
 * seen. A site ({@link FrameworkBridge#site}) is a framework's number and a kind, bound into each
 * piece of advice as the constant of its {@link Site} parameter. Write and read kinds differ, so
 * that one switch serves both directions.
 */
public final class Sites {

    /** A Kryo Output, whose total() grows with the call. */
    public static final int WRITE_KRYO = 1;
    public static final int WRITE_BYTES_RESULT = 2;
    public static final int WRITE_STRING_RESULT = 3;
    public static final int WRITE_BYTESTRING_RESULT = 4;
    public static final int WRITE_STREAM = 5;
    public static final int WRITE_FILE = 6;
    public static final int WRITE_OTHER = 7;
    /** A Kryo Input, whose total() grows with the call. */
    public static final int READ_KRYO = 11;
    public static final int READ_BYTES = 12;
    public static final int READ_BYTES_RANGE = 13;
    public static final int READ_STRING = 14;
    public static final int READ_BYTESTRING = 15;
    public static final int READ_BYTEBUFFER = 16;
    public static final int READ_STREAM = 17;
    public static final int READ_FILE = 18;
    public static final int READ_OTHER = 19;

    private final int framework;

    Sites(int framework) {
        this.framework = framework;
    }

    /** {@code adviceClass} with its {@link Site} parameter bound to this framework's site of {@code kind}. */
    public Advice advice(Class<?> adviceClass, int kind) {
        return Advice.withCustomMapping().bind(Site.class, FrameworkBridge.site(framework, kind)).to(adviceClass);
    }
}
