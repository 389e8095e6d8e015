package dev.serialscope.probe.core;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent's one registered class file transformer. It knows the instrumented classes by exact
 * name and uses no Byte Buddy class itself, so that it can be in place before Byte Buddy's
 * transformer is built: a class to instrument that loads meanwhile waits for that transformer
 * (except on the thread that builds it, whose classes the installation retransforms afterwards),
 * and is then transformed by it. Every other class passes after one set lookup.
 *
 * <p>Waits are bounded: a class still waiting after {@link #WAIT_SECONDS} loads unchanged, reported
 * once, so that a fault of the installation can delay the application but never stop it. The
 * installation still retransforms every instrumented class loaded by the time it gets there.
 */
final class ClassGate implements ClassFileTransformer {

    static final long WAIT_SECONDS = 10;

    /** Internal names (java/io/ObjectOutputStream), as the JVM passes them. */
    private final Set<String> internalNames = new HashSet<>();
    private final ProbeErrors errors;
    private final CountDownLatch adviceBuilt = new CountDownLatch(1);
    private volatile ClassFileTransformer advice;
    private volatile Thread installer;

    ClassGate(Set<String> typeNames, ProbeErrors errors) {
        for (String name : typeNames) {
            internalNames.add(name.replace('.', '/'));
        }
        this.errors = errors;
    }

    /** The thread that will build the advice: it never waits for itself. */
    void installingOn(Thread thread) {
        installer = thread;
    }

    /** Lets the waiting classes through, to {@code transformer}, or unchanged when it is null (it could not be built). */
    void open(ClassFileTransformer transformer) {
        advice = transformer;
        adviceBuilt.countDown();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null) {
            return null;
        }
        try {
            if (!internalNames.contains(className)) {
                return null;
            }
            ClassFileTransformer transformer = advice;
            if (transformer == null && Thread.currentThread() != installer) {
                await(adviceBuilt, "instrumentation of " + className.replace('/', '.'));
                transformer = advice;
            }
            return transformer == null ? null
                    : transformer.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
        } catch (Throwable t) {
            errors.report("instrumentation of " + className.replace('/', '.'), t);
            return null;
        }
    }

    /** {@code waiting}: what waits, for the report. */
    private void await(CountDownLatch latch, String waiting) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                errors.report(waiting, new TimeoutException("the advice was not installed within " + WAIT_SECONDS
                        + " s; going on without it"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
