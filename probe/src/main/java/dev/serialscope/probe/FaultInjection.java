package dev.serialscope.probe;

import dev.serialscope.boot.ProbeHooks;

/**
 * Test-only: makes one hook throw, to prove that a failure inside the agent never reaches the
 * application. Chosen with {@code -Dserialscope.test.failHook=<method of ProbeHooks>}, e.g.
 * {@code serializationExit}; without that property the agent's hooks are used undecorated.
 */
final class FaultInjection implements ProbeHooks {

    static final String PROPERTY = "serialscope.test.failHook";

    private final ProbeHooks delegate;
    private final String failing;

    private FaultInjection(ProbeHooks delegate, String failing) {
        this.delegate = delegate;
        this.failing = failing;
    }

    static ProbeHooks wrapIfRequested(ProbeHooks hooks) {
        String failing = System.getProperty(PROPERTY);
        return failing == null || failing.isEmpty() ? hooks : new FaultInjection(hooks, failing);
    }

    private void maybeFail(String hook) {
        if (failing.equals(hook)) {
            throw new IllegalStateException("fault injected into " + hook);
        }
    }

    @Override
    public Object serializationEnter(Object stream) {
        maybeFail("serializationEnter");
        return delegate.serializationEnter(stream);
    }

    @Override
    public void serializationExit(Object stream, Object root, Object frame, Throwable thrown) {
        maybeFail("serializationExit");
        delegate.serializationExit(stream, root, frame, thrown);
    }

    @Override
    public Object deserializationEnter(Object stream) {
        maybeFail("deserializationEnter");
        return delegate.deserializationEnter(stream);
    }

    @Override
    public void deserializationExit(Object stream, Object result, Object frame, Throwable thrown) {
        maybeFail("deserializationExit");
        delegate.deserializationExit(stream, result, frame, thrown);
    }

    @Override
    public Object descriptorEnter(Object stream) {
        maybeFail("descriptorEnter");
        return delegate.descriptorEnter(stream);
    }

    @Override
    public void descriptorExit(Object stream, Object frame) {
        maybeFail("descriptorExit");
        delegate.descriptorExit(stream, frame);
    }

    @Override
    public void objectEnter(Object stream, Object object) {
        maybeFail("objectEnter");
        delegate.objectEnter(stream, object);
    }

    @Override
    public void objectExit(Object stream) {
        maybeFail("objectExit");
        delegate.objectExit(stream);
    }

    @Override
    public void fieldsEnter(Object stream, Object descriptor) {
        maybeFail("fieldsEnter");
        delegate.fieldsEnter(stream, descriptor);
    }

    @Override
    public void fieldsExit(Object stream) {
        maybeFail("fieldsExit");
        delegate.fieldsExit(stream);
    }

    @Override
    public void streamReset(Object stream) {
        maybeFail("streamReset");
        delegate.streamReset(stream);
    }

    @Override
    public void processStarted(Process process) {
        maybeFail("processStarted");
        delegate.processStarted(process);
    }

    @Override
    public void hookFailed(String hook, Throwable failure) {
        delegate.hookFailed(hook, failure);
    }
}
