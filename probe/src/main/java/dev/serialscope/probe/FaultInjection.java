package dev.serialscope.probe;

import dev.serialscope.boot.ProbeHooks;

/**
 * Test-only: makes one hook throw, to prove that a failure inside the agent never reaches the
 * application. Chosen with {@code -Dserialscope.test.failHook=<method of ProbeHooks>}, e.g.
 * {@code serializationExit}; without that property the agent's hooks are used undecorated.
 */
final class FaultInjection implements ProbeHooks {

    private final ProbeHooks delegate;
    private final InjectedFault fault;

    private FaultInjection(ProbeHooks delegate, InjectedFault fault) {
        this.delegate = delegate;
        this.fault = fault;
    }

    static ProbeHooks wrapIfRequested(ProbeHooks hooks) {
        InjectedFault fault = InjectedFault.requested("");
        return fault == null ? hooks : new FaultInjection(hooks, fault);
    }

    @Override
    public Object serializationEnter(Object stream) {
        fault.throwIfInjectedInto("serializationEnter");
        return delegate.serializationEnter(stream);
    }

    @Override
    public void serializationExit(Object stream, Object root, Object frame, Throwable thrown) {
        fault.throwIfInjectedInto("serializationExit");
        delegate.serializationExit(stream, root, frame, thrown);
    }

    @Override
    public Object deserializationEnter(Object stream) {
        fault.throwIfInjectedInto("deserializationEnter");
        return delegate.deserializationEnter(stream);
    }

    @Override
    public void deserializationExit(Object stream, Object result, Object frame, Throwable thrown) {
        fault.throwIfInjectedInto("deserializationExit");
        delegate.deserializationExit(stream, result, frame, thrown);
    }

    @Override
    public Object descriptorEnter(Object stream) {
        fault.throwIfInjectedInto("descriptorEnter");
        return delegate.descriptorEnter(stream);
    }

    @Override
    public void descriptorExit(Object stream, Object frame) {
        fault.throwIfInjectedInto("descriptorExit");
        delegate.descriptorExit(stream, frame);
    }

    @Override
    public void objectEnter(Object stream, Object object) {
        fault.throwIfInjectedInto("objectEnter");
        delegate.objectEnter(stream, object);
    }

    @Override
    public void objectExit(Object stream) {
        fault.throwIfInjectedInto("objectExit");
        delegate.objectExit(stream);
    }

    @Override
    public void fieldsEnter(Object stream, Object descriptor) {
        fault.throwIfInjectedInto("fieldsEnter");
        delegate.fieldsEnter(stream, descriptor);
    }

    @Override
    public void fieldsExit(Object stream) {
        fault.throwIfInjectedInto("fieldsExit");
        delegate.fieldsExit(stream);
    }

    @Override
    public void streamReset(Object stream) {
        fault.throwIfInjectedInto("streamReset");
        delegate.streamReset(stream);
    }

    @Override
    public void processStarted(Process process) {
        fault.throwIfInjectedInto("processStarted");
        delegate.processStarted(process);
    }

    @Override
    public void hookFailed(String hook, Throwable failure) {
        delegate.hookFailed(hook, failure);
    }
}
