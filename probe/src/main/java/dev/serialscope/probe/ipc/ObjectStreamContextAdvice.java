package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectOutputStream.writeObject(Object) and writeUnshared: while a top-level call
 * runs, channel I/O on this thread is attributed to the object being written. Nested calls (every
 * element a HashMap or ArrayList writes) belong to the top-level one and cost one comparison.
 */
public final class ObjectStreamContextAdvice {

    private ObjectStreamContextAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.FieldValue("depth") int depth, @Advice.Argument(0) Object root) {
        return depth == 0 && IpcBridge.active ? IpcBridge.contextEnter(IpcBridge.JAVA_WRITE, root) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object context) {
        if (context != null) {
            IpcBridge.contextExit(IpcBridge.JAVA_WRITE, context);
        }
    }
}
