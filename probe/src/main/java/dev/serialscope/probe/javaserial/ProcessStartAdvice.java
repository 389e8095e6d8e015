package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined at the end of ProcessBuilder.start: remembers the child's pipes and pid. */
public final class ProcessStartAdvice {

    private ProcessStartAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return Process process) {
        Bridge.processStarted(process);
    }
}
