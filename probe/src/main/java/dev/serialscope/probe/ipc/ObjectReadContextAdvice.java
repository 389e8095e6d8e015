package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into ObjectInputStream.readObject(), readUnshared() and readStreamHeader(): channel
 * reads on this thread while a top-level call runs are deserialization input. Nested calls from
 * custom readObject methods belong to the top-level one and cost one comparison.
 */
public final class ObjectReadContextAdvice {

    private ObjectReadContextAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.FieldValue("depth") long depth) {
        return depth == 0 && IpcBridge.active ? IpcBridge.contextEnter(IpcBridge.JAVA_READ, null) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object context) {
        if (context != null) {
            IpcBridge.contextExit(IpcBridge.JAVA_READ, context);
        }
    }
}
