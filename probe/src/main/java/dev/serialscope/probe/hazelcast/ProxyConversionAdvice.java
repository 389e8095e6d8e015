package dev.serialscope.probe.hazelcast;

import dev.serialscope.boot.StoreBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the methods of Hazelcast's distributed-object proxies that turn a key or value into its
 * serialized form and back (toData, toDataWithStrategy, toObject): names the proxy for the calls inside.
 */
public final class ProxyConversionAdvice {

    private ProxyConversionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object proxy) {
        return StoreBridge.active ? StoreBridge.enter(proxy) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object token) {
        StoreBridge.exit(token);
    }
}
