package dev.serialscope.probe.core;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent's one registered class file transformer. It knows the instrumented classes by exact
 * name and uses no Byte Buddy class itself, so that it is in place before Byte Buddy's transformer
 * is built; from then on it hands the instrumented classes to that transformer, and every other
 * class passes after one set lookup.
 *
 * <p>An instrumented class that loads or is retransformed before the advice is built (JFR's start-up
 * loads and retransforms socket and file classes) passes unchanged and never waits: waiting inside
 * the JDK's own start-up could wait for a lock the installation needs. The gate remembers it, and the
 * installation retransforms it once the advice is there.
 *
 * <p>At start-up it holds the application back instead, until the installation is done: the first
 * class of the application class loader that is not the agent's own (the main class, or another
 * agent's) waits, so that no call the application makes goes unseen. The wait is bounded by
 * {@link #WAIT_SECONDS}; after that the application goes on, reported once, and the installation
 * still instruments everything when it gets there.
 */
final class ClassGate implements ClassFileTransformer {

    static final long WAIT_SECONDS = 10;

    /** A class that passed without advice: its loader (null: bootstrap) and binary name. */
    record Passed(ClassLoader loader, String name) {
    }

    /** Internal names (java/io/ObjectOutputStream), as the JVM passes them. */
    private final Set<String> internalNames = new HashSet<>();
    private final ProbeErrors errors;
    private final CountDownLatch installed = new CountDownLatch(1);
    /** The application's class loader while it is held back, else null. */
    private final ClassLoader heldLoader;
    private final ProtectionDomain agentDomain = ClassGate.class.getProtectionDomain();
    private final List<Passed> passed = new ArrayList<>();
    private volatile ClassFileTransformer advice;
    private volatile Thread installer;

    /** {@code holdApplication}: the application has not started yet and waits for {@link #installed()}. */
    ClassGate(Set<String> typeNames, ProbeErrors errors, boolean holdApplication) {
        for (String name : typeNames) {
            internalNames.add(name.replace('.', '/'));
        }
        this.errors = errors;
        this.heldLoader = holdApplication ? ClassLoader.getSystemClassLoader() : null;
    }

    /** The thread that installs the advice: never held back. */
    void installingOn(Thread thread) {
        installer = thread;
    }

    /**
     * Sends the instrumented classes to {@code transformer} from now on, or lets them pass unchanged
     * when it is null (it could not be built); returns those that passed without it until now.
     */
    List<Passed> open(ClassFileTransformer transformer) {
        synchronized (passed) {
            advice = transformer;
            List<Passed> before = List.copyOf(passed);
            passed.clear();
            return before;
        }
    }

    /** The classes loaded before have their advice (or it failed, reported): the application may go on. */
    void installed() {
        installed.countDown();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null) {
            return null;
        }
        try {
            if (heldLoader != null && loader == heldLoader && installed.getCount() > 0
                    && protectionDomain != agentDomain && Thread.currentThread() != installer) {
                awaitInstallation();
            }
            if (!internalNames.contains(className)) {
                return null;
            }
            ClassFileTransformer transformer = advice;
            if (transformer == null) {
                synchronized (passed) {
                    transformer = advice;
                    if (transformer == null) {
                        passed.add(new Passed(loader, className.replace('/', '.')));
                        return null;
                    }
                }
            }
            return transformer.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
        } catch (Throwable t) {
            errors.report("instrumentation of " + className.replace('/', '.'), t);
            return null;
        }
    }

    private void awaitInstallation() {
        try {
            if (!installed.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                errors.report("advice installation", new TimeoutException("the application waited " + WAIT_SECONDS
                        + " s for the advice and goes on without it"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
