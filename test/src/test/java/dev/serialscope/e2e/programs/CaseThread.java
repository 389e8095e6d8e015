package dev.serialscope.e2e.programs;

/**
 * Runs one test case on its own thread named "case NAME", so the test can find the case's events
 * by their thread. Bookkeeping that serializes (building input bytes, measuring a reference size)
 * happens on other threads, whose events the test ignores.
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
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, PREFIX + name);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new IllegalStateException("case " + name + " failed", failure[0]);
        }
    }
}
