package dev.serialscope.probe.fault;

import dev.serialscope.boot.ClassSetBridge;
import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.boot.IpcBridge;
import dev.serialscope.boot.ProbeHooks;
import dev.serialscope.probe.core.Bridges;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Test-only agent, never part of serialscope-agent.jar: loaded after the SerialScope agent with
 * {@code -javaagent:serialscope-probe-VERSION-fault-injection.jar=HOOK}, it makes one hook throw, to
 * prove that a failure inside the agent never reaches the application. HOOK is a method of a
 * bridge's hooks, prefixed "framework", "ipc" or "classSet" for those bridges: serializationExit,
 * frameworkWriteExit, ipcIoEnter, classSetChecked. Only the hooks that have it are decorated.
 */
public final class FaultInjectionAgent {

    private static final Map<Class<?>, String> PREFIXES = Map.of(
            ProbeHooks.class, "",
            FrameworkBridge.Hooks.class, "framework",
            IpcBridge.Hooks.class, "ipc",
            ClassSetBridge.Hooks.class, "classSet");

    private FaultInjectionAgent() {
    }

    public static void premain(String hook, Instrumentation instrumentation) {
        if (hook == null || hook.isEmpty()) {
            throw new IllegalArgumentException("name the hook that should fail: -javaagent:...fault-injection.jar=HOOK");
        }
        Bridges.decorateInstalled(new Bridges.Decorator() {
            @Override
            public <T> T decorate(Class<T> hooksType, T hooks) {
                return failing(hooksType, hooks, hook);
            }
        });
    }

    static <T> T failing(Class<T> hooksType, T hooks, String failingHook) {
        String prefix = PREFIXES.getOrDefault(hooksType, "?");
        boolean hasHook = false;
        for (Method method : hooksType.getMethods()) {
            hasHook |= hookName(prefix, method).equals(failingHook);
        }
        if (!hasHook) {
            return hooks;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (hookName(prefix, method).equals(failingHook)) {
                throw new IllegalStateException("fault injected into " + failingHook);
            }
            try {
                return method.invoke(hooks, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return hooksType.cast(Proxy.newProxyInstance(FaultInjectionAgent.class.getClassLoader(),
                new Class<?>[] {hooksType}, handler));
    }

    private static String hookName(String prefix, Method method) {
        String name = method.getName();
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
