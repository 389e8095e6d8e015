package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;

/**
 * Test-only, like the other hooks' fault injection: {@code -Dserialscope.test.failHook=ipcIoExit}
 * (or ipcIoEnter, ipcContextEnter, ipcContextExit, ipcRmiClientEnter, ipcRmiServerEnter, ipcRmiExit)
 * makes that hook throw, to prove that a failure inside the agent never reaches the application.
 */
final class IpcFaultInjection implements IpcBridge.Hooks {

    static final String PROPERTY = "serialscope.test.failHook";

    private final IpcBridge.Hooks delegate;
    private final String failing;

    private IpcFaultInjection(IpcBridge.Hooks delegate, String failing) {
        this.delegate = delegate;
        this.failing = failing;
    }

    static IpcBridge.Hooks wrapIfRequested(IpcBridge.Hooks hooks) {
        String failing = System.getProperty(PROPERTY);
        return failing == null || !failing.startsWith("ipc") ? hooks : new IpcFaultInjection(hooks, failing);
    }

    private void maybeFail(String hook) {
        if (failing.equals(hook)) {
            throw new IllegalStateException("fault injected into " + hook);
        }
    }

    @Override
    public long ioEnter() throws Throwable {
        maybeFail("ipcIoEnter");
        return delegate.ioEnter();
    }

    @Override
    public void ioExit(Object channel, boolean write, long token, long bytes, Throwable thrown) throws Throwable {
        maybeFail("ipcIoExit");
        delegate.ioExit(channel, write, token, bytes, thrown);
    }

    @Override
    public Object contextEnter(int kind, Object root) throws Throwable {
        maybeFail("ipcContextEnter");
        return delegate.contextEnter(kind, root);
    }

    @Override
    public void contextExit(int kind, Object context) throws Throwable {
        maybeFail("ipcContextExit");
        delegate.contextExit(kind, context);
    }

    @Override
    public void rmiClientEnter(Object method) throws Throwable {
        maybeFail("ipcRmiClientEnter");
        delegate.rmiClientEnter(method);
    }

    @Override
    public void rmiServerEnter(Object remote, Object call) throws Throwable {
        maybeFail("ipcRmiServerEnter");
        delegate.rmiServerEnter(remote, call);
    }

    @Override
    public void rmiServerMethod(Object method) throws Throwable {
        delegate.rmiServerMethod(method);
    }

    @Override
    public void rmiServerFailure(Throwable failure) throws Throwable {
        delegate.rmiServerFailure(failure);
    }

    @Override
    public void rmiExit(Throwable thrown) throws Throwable {
        maybeFail("ipcRmiExit");
        delegate.rmiExit(thrown);
    }

    @Override
    public void forgetRmi() {
        delegate.forgetRmi();
    }

    @Override
    public void hookFailed(String hook, Throwable failure) {
        delegate.hookFailed(hook, failure);
    }
}
