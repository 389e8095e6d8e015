package dev.serialscope.probe;

/**
 * Test-only: the hook named by {@code -Dserialscope.test.failHook=<hook>}, which throws instead of
 * running, to prove that a failure inside the agent never reaches the application. Each family of
 * hooks (java, framework, IPC) decorates its hooks only when the named hook is one of its own.
 */
public final class InjectedFault {

    private static final String PROPERTY = "serialscope.test.failHook";

    private final String hook;

    private InjectedFault(String hook) {
        this.hook = hook;
    }

    /** The requested fault when its hook name starts with {@code prefix}, else null (no decoration). */
    public static InjectedFault requested(String prefix) {
        String hook = System.getProperty(PROPERTY);
        return hook == null || hook.isEmpty() || !hook.startsWith(prefix) ? null : new InjectedFault(hook);
    }

    public void throwIfInjectedInto(String calledHook) {
        if (hook.equals(calledHook)) {
            throw new IllegalStateException("fault injected into " + calledHook);
        }
    }
}
