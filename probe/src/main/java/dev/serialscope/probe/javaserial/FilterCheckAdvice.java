package dev.serialscope.probe.javaserial;

import dev.serialscope.boot.ClassSetBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectInputStream.filterCheck, which the stream calls on JDK 17 and 25 for every class,
 * array and back-reference it reads, with or without a filter: the class set sees exactly what a filter
 * would be asked about.
 */
public final class FilterCheckAdvice {

    private FilterCheckAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object stream, @Advice.Argument(0) Class<?> type,
                      @Advice.Argument(1) int arrayLength, @Advice.FieldValue("depth") long depth,
                      @Advice.FieldValue("totalObjectRefs") long references) {
        if (ClassSetBridge.active) {
            ClassSetBridge.checked(stream, type, arrayLength, depth, references);
        }
    }
}
