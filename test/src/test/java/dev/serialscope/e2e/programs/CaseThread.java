package dev.serialscope.e2e.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs test cases on threads named "case NAME", so the test can find a case's events by their
 * thread. Bookkeeping that serializes (building input bytes, measuring a reference size) happens
 * on other threads, whose events the test ignores.
 */
public final class CaseThread {

    public static final String PREFIX = "case ";

    /** A case body: anything it throws fails the child program. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private CaseThread() {
    }

    public static void run(String name, Body body) throws InterruptedException {
        runConcurrently(List.of(name), body);
    }

    /** Runs the body on one thread per name, all released at once, and waits for all of them. */
    public static void runConcurrently(List<String> names, Body body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (String name : names) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    body.run();
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(new IllegalStateException("case " + name + " failed", t));
                    }
                }
            }, PREFIX + name));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(failures.size() + " case(s) failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
