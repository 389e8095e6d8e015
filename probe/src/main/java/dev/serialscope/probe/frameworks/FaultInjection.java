package dev.serialscope.probe.frameworks;

import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.probe.InjectedFault;

/**
 * Test-only, like the java hooks' fault injection: {@code -Dserialscope.test.failHook=frameworkWriteEnter}
 * (or frameworkWriteExit, frameworkReadEnter, frameworkReadExit) makes that hook throw, to prove that
 * a failure inside the agent never reaches the application.
 */
final class FaultInjection implements FrameworkBridge.Hooks {

    private final FrameworkBridge.Hooks delegate;
    private final InjectedFault fault;

    private FaultInjection(FrameworkBridge.Hooks delegate, InjectedFault fault) {
        this.delegate = delegate;
        this.fault = fault;
    }

    static FrameworkBridge.Hooks wrapIfRequested(FrameworkBridge.Hooks hooks) {
        InjectedFault fault = InjectedFault.requested("framework");
        return fault == null ? hooks : new FaultInjection(hooks, fault);
    }

    @Override
    public Object writeEnter(int site, Object self, Object target, Object root) throws Throwable {
        fault.throwIfInjectedInto("frameworkWriteEnter");
        return delegate.writeEnter(site, self, target, root);
    }

    @Override
    public void writeExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        fault.throwIfInjectedInto("frameworkWriteExit");
        delegate.writeExit(site, token, result, thrown);
    }

    @Override
    public Object readEnter(int site, Object self, Object source, int length) throws Throwable {
        fault.throwIfInjectedInto("frameworkReadEnter");
        return delegate.readEnter(site, self, source, length);
    }

    @Override
    public void readExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        fault.throwIfInjectedInto("frameworkReadExit");
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
