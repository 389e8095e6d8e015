package dev.serialscope.probe.ipc;

import dev.serialscope.boot.FrameworkBridge;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Puts itself between {@link FrameworkBridge} and the framework probe, so that channel I/O made
 * during a Kryo, Jackson or Protobuf call is attributed to it. Every call is passed on unchanged;
 * the thread is marked as inside a call only when the framework probe measures it (non-null token),
 * so enter and exit stay paired, and a failure that makes the bridge forget the call forgets it here too.
 */
final class FrameworkContext implements FrameworkBridge.Hooks {

    private final FrameworkBridge.Hooks delegate;
    private final IpcProbe probe;

    private FrameworkContext(FrameworkBridge.Hooks delegate, IpcProbe probe) {
        this.delegate = delegate;
        this.probe = probe;
    }

    /** Wraps the installed framework hooks; false when there are none (or they cannot be read). */
    static boolean install(IpcProbe probe) throws ReflectiveOperationException {
        VarHandle hooks = MethodHandles.privateLookupIn(FrameworkBridge.class, MethodHandles.lookup())
                .findStaticVarHandle(FrameworkBridge.class, "hooks", FrameworkBridge.Hooks.class);
        FrameworkBridge.Hooks current = (FrameworkBridge.Hooks) hooks.getVolatile();
        if (current == null || current instanceof FrameworkContext) {
            return false;
        }
        FrameworkBridge.install(new FrameworkContext(current, probe));
        return true;
    }

    @Override
    public Object writeEnter(int site, Object self, Object target, Object root) throws Throwable {
        Object token = delegate.writeEnter(site, self, target, root);
        if (token != null) {
            probe.frameworkEnter(FrameworkBridge.framework(site), true, root);
        }
        return token;
    }

    @Override
    public void writeExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        probe.frameworkExit();
        delegate.writeExit(site, token, result, thrown);
    }

    @Override
    public Object readEnter(int site, Object self, Object source, int length) throws Throwable {
        Object token = delegate.readEnter(site, self, source, length);
        if (token != null) {
            probe.frameworkEnter(FrameworkBridge.framework(site), false, null);
        }
        return token;
    }

    @Override
    public void readExit(int site, Object token, Object result, Throwable thrown) throws Throwable {
        probe.frameworkExit();
        delegate.readExit(site, token, result, thrown);
    }

    @Override
    public void forgetCall() {
        probe.frameworkForget();
        delegate.forgetCall();
    }

    @Override
    public void hookFailed(int site, String direction, Throwable failure) {
        delegate.hookFailed(site, direction, failure);
    }
}
