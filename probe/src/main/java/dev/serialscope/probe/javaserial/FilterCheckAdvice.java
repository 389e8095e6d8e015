package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.ClassSetBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of ObjectInputStream.filterCheck, which the stream calls on JDK 17 and 25 for every
 * class, array and back-reference it reads, with or without a filter: the class set sees exactly what a
 * filter is asked about. Only what the stream's filter let through counts: a class a filter already
 * rejects (an attack it stopped) must not end up in the filter written from the recording.
 */
public final class FilterCheckAdvice {

    private FilterCheckAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object stream, @Advice.Argument(0) Class<?> type,
                     @Advice.Argument(1) int arrayLength, @Advice.FieldValue("depth") long depth,
                     @Advice.FieldValue("totalObjectRefs") long references, @Advice.Thrown Throwable rejected) {
        if (rejected == null && ClassSetBridge.active) {
            ClassSetBridge.checked(stream, type, arrayLength, depth, references);
        }
    }
}
