package dev.serialscope.probe.core;

/**
 * Whether a Kryo, Jackson or Protobuf call runs on the current thread: the framework
 * instrumentations say so, and the channel instrumentation listens, to attribute the channel I/O
 * made during the call to it. Neither knows the other.
 */
public final class SerializerCalls {

    /** Told on the calling thread about every measured framework call, nested ones included. */
    public interface Listener {

        void enter(String framework, boolean write, Object root);

        void exit();

        /** A failed hook may have left the thread inside calls that will never exit. */
        void forget();
    }

    private static final Listener NOBODY = new Listener() {
        @Override
        public void enter(String framework, boolean write, Object root) {
        }

        @Override
        public void exit() {
        }

        @Override
        public void forget() {
        }
    };

    private volatile Listener listener = NOBODY;

    public void listen(Listener callListener) {
        listener = callListener;
    }

    public Listener listener() {
        return listener;
    }
}
