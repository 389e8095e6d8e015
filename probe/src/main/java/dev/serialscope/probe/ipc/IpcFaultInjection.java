package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import dev.serialscope.probe.InjectedFault;

/**
 * Test-only, like the other hooks' fault injection: {@code -Dserialscope.test.failHook=ipcIoExit}
 * (or ipcIoEnter, ipcContextEnter, ipcContextExit, ipcRmiClientEnter, ipcRmiServerEnter, ipcRmiExit)
 * makes that hook throw, to prove that a failure inside the agent never reaches the application.
 */
final class IpcFaultInjection implements IpcBridge.Hooks {

    private final IpcBridge.Hooks delegate;
    private final InjectedFault fault;

    private IpcFaultInjection(IpcBridge.Hooks delegate, InjectedFault fault) {
        this.delegate = delegate;
        this.fault = fault;
    }

    static IpcBridge.Hooks wrapIfRequested(IpcBridge.Hooks hooks) {
        InjectedFault fault = InjectedFault.requested("ipc");
        return fault == null ? hooks : new IpcFaultInjection(hooks, fault);
    }

    @Override
    public long ioEnter() throws Throwable {
        fault.throwIfInjectedInto("ipcIoEnter");
        return delegate.ioEnter();
    }

    @Override
    public void ioExit(Object channel, boolean write, long token, long bytes, Throwable thrown) throws Throwable {
        fault.throwIfInjectedInto("ipcIoExit");
        delegate.ioExit(channel, write, token, bytes, thrown);
    }

    @Override
    public Object contextEnter(int kind, Object root) throws Throwable {
        fault.throwIfInjectedInto("ipcContextEnter");
        return delegate.contextEnter(kind, root);
    }

    @Override
    public void contextExit(int kind, Object context) throws Throwable {
        fault.throwIfInjectedInto("ipcContextExit");
        delegate.contextExit(kind, context);
    }

    @Override
    public void rmiClientEnter(Object method) throws Throwable {
        fault.throwIfInjectedInto("ipcRmiClientEnter");
        delegate.rmiClientEnter(method);
    }

    @Override
    public void rmiServerEnter(Object remote, Object call) throws Throwable {
        fault.throwIfInjectedInto("ipcRmiServerEnter");
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
        fault.throwIfInjectedInto("ipcRmiExit");
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
