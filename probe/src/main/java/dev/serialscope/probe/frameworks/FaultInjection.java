package dev.serialscope.probe.frameworks;

import dev.serialscope.boot.FrameworkBridge;

/**
 * Test-only, like the java hooks' fault injection: {@code -Dserialscope.test.failHook=frameworkWriteEnter}
 * (or frameworkWriteExit, frameworkReadEnter, frameworkReadExit) makes that hook throw, to prove that
 * a failure inside the agent never reaches the application.
 */
final class FaultInjection implements FrameworkBridge.Hooks {

    static final String PROPERTY = "serialscope.test.failHook";

    private final FrameworkBridge.Hooks delegate;
    private final String failing;

    private FaultInjection(FrameworkBridge.Hooks delegate, String failing) {
        this.delegate = delegate;
        this.failing = failing;
    }

    static FrameworkBridge.Hooks wrapIfRequested(FrameworkBridge.Hooks hooks) {
        String failing = System.getProperty(PROPERTY);
        return failing == null || !failing.startsWith("framework") ? hooks : new FaultInjection(hooks, failing);
    }

    private void maybeFail(String hook) {
        if (failing.equals(hook)) {
            throw new IllegalStateException("fault injected into " + hook);
        }
    }

    @Override
    public Object writeEnter(int site, Object self, Object target, Object root) throws Throwable {
        maybeFail("frameworkWriteEnter");
        return delegate.writeEnter(site, self, target, root);
    }

    @Override
    public void writeExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        maybeFail("frameworkWriteExit");
        delegate.writeExit(site, token, result, thrown);
    }

    @Override
    public Object readEnter(int site, Object self, Object source, int length) throws Throwable {
        maybeFail("frameworkReadEnter");
        return delegate.readEnter(site, self, source, length);
    }

    @Override
    public void readExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        maybeFail("frameworkReadExit");
        delegate.readExit(site, token, result, thrown);
    }

    @Override
    public void forgetCall() {
        delegate.forgetCall();
    }

    @Override
    public void hookFailed(int site, String direction, Throwable failure) {
        delegate.hookFailed(site, direction, failure);
    }
}
