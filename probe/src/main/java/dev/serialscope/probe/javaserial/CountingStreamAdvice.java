package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import java.io.OutputStream;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the ObjectOutputStream(OutputStream) constructor: hands the stream a
 * counting wrapper, so that every later call on it can be measured exactly, even when the
 * recording starts after the stream was created.
 */
public final class CountingStreamAdvice {

    private CountingStreamAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) OutputStream out) {
        out = Bridge.wrap(out);
    }
}
