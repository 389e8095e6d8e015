package dev.serialscope.boot;

/**
 * What the advice inlined into the JDK's socket, socket channel, file and RMI classes calls: the
 * counterpart of {@link Bridge} for inter-process channels and RMI. Loaded by the bootstrap
 * loader. The idle path is one volatile read ({@link #active} or {@link #rmiActive}); every call
 * into the agent is guarded, and a hook that fails is switched off for good and reported once.
 */
public final class IpcBridge {

    /** Token of an I/O operation that is not measured. */
    public static final long SKIP = Long.MIN_VALUE;

    /** Kinds of serialization context: a top-level ObjectOutputStream/ObjectInputStream call, and
     *  bytes leaving an ObjectOutputStream through its counting wrapper (written, or flushed/closed). */
    public static final int JAVA_WRITE = 0;
    public static final int JAVA_FLUSH = 1;
    public static final int JAVA_READ = 2;
    public static final int JAVA_DRAIN = 3;

    /** True while a recording wants channel statistics, channel I/O events or RMI calls, or metrics count channels. */
    public static volatile boolean active;
    /** True while a recording wants RMI call events. */
    public static volatile boolean rmiActive;

    private static volatile Hooks hooks;
    private static volatile boolean ioBroken;
    private static volatile boolean contextBroken;
    private static volatile boolean rmiBroken;

    private IpcBridge() {
    }

    public static void install(Hooks ipcHooks) {
        hooks = ipcHooks;
    }

    /** Applies what the running recordings ask for, unless the hooks were switched off. */
    public static void activate(boolean io, boolean rmi) {
        active = io && !ioBroken && hooks != null;
        rmiActive = rmi && active && !rmiBroken;
    }

    /** False once the serialization context hooks failed: I/O is then never attributed to serialization. */
    public static boolean contextAllowed() {
        return !contextBroken;
    }

    public static long ioEnter() {
        Hooks h = hooks;
        if (h == null) {
            return SKIP;
        }
        try {
            return h.ioEnter();
        } catch (Throwable t) {
            ioFailed(t);
            return SKIP;
        }
    }

    /** An operation on {@code channel} (socket impl, socket channel, file stream) moved {@code bytes}. */
    public static void ioExit(Object channel, boolean write, long token, long bytes, Throwable thrown) {
        try {
            hooks.ioExit(channel, write, token, bytes, thrown);
        } catch (Throwable t) {
            ioFailed(t);
        }
    }

    /**
     * A java serialization call starts, or bytes leave an ObjectOutputStream. Returns the thread's
     * context for {@link #contextExit} (so that the exit looks nothing up), or null when the exit
     * must not be called.
     */
    public static Object contextEnter(int kind, Object root) {
        Hooks h = hooks;
        if (h == null || contextBroken) {
            return null;
        }
        try {
            return h.contextEnter(kind, root);
        } catch (Throwable t) {
            contextFailed(t);
            return null;
        }
    }

    public static void contextExit(int kind, Object context) {
        try {
            hooks.contextExit(kind, context);
        } catch (Throwable t) {
            contextFailed(t);
        }
    }

    /** UnicastRef.invoke starts; true when the matching exit must be called. */
    public static boolean rmiClientEnter(Object method) {
        Hooks h = hooks;
        if (h == null || rmiBroken) {
            return false;
        }
        try {
            h.rmiClientEnter(method);
            return true;
        } catch (Throwable t) {
            rmiFailed(t);
            return false;
        }
    }

    public static void rmiClientExit(Throwable thrown) {
        try {
            hooks.rmiExit(thrown);
        } catch (Throwable t) {
            rmiFailed(t);
        }
    }

    /** UnicastServerRef.dispatch starts; true when the matching exit must be called. */
    public static boolean rmiServerEnter(Object remote, Object call) {
        Hooks h = hooks;
        if (h == null || rmiBroken) {
            return false;
        }
        try {
            h.rmiServerEnter(remote, call);
            return true;
        } catch (Throwable t) {
            rmiFailed(t);
            return false;
        }
    }

    /** The dispatch found its method (UnicastServerRef.logCall). */
    public static void rmiServerMethod(Object method) {
        Hooks h = hooks;
        if (h == null || rmiBroken) {
            return;
        }
        try {
            h.rmiServerMethod(method);
        } catch (Throwable t) {
            rmiFailed(t);
        }
    }

    /** The dispatch caught an exception it sends back to the client (UnicastServerRef.logCallException). */
    public static void rmiServerFailure(Throwable failure) {
        Hooks h = hooks;
        if (h == null || rmiBroken) {
            return;
        }
        try {
            h.rmiServerFailure(failure);
        } catch (Throwable t) {
            rmiFailed(t);
        }
    }

    public static void rmiServerExit(Throwable thrown) {
        try {
            hooks.rmiExit(thrown);
        } catch (Throwable t) {
            rmiFailed(t);
        }
    }

    private static void ioFailed(Throwable t) {
        ioBroken = true;
        active = false;
        rmiActive = false;
        report("IPC I/O", t);
    }

    private static void contextFailed(Throwable t) {
        contextBroken = true;
        report("IPC serialization context", t);
    }

    private static void rmiFailed(Throwable t) {
        rmiBroken = true;
        rmiActive = false;
        try {
            hooks.forgetRmi();
        } catch (Throwable ignored) {
            // Nothing more to do.
        }
        report("RMI", t);
    }

    private static void report(String hook, Throwable failure) {
        try {
            hooks.hookFailed(hook, failure);
        } catch (Throwable ignored) {
            // Reporting is best effort; the hook is already off.
        }
    }

    /** Implemented by the agent; see the static methods of the same names. */
    public interface Hooks {

        /** Returns the start time (System.nanoTime) of the operation, or {@link #SKIP}. */
        long ioEnter() throws Throwable;

        void ioExit(Object channel, boolean write, long token, long bytes, Throwable thrown) throws Throwable;

        /** Returns the calling thread's context, never null. */
        Object contextEnter(int kind, Object root) throws Throwable;

        void contextExit(int kind, Object context) throws Throwable;

        void rmiClientEnter(Object method) throws Throwable;

        void rmiServerEnter(Object remote, Object call) throws Throwable;

        void rmiServerMethod(Object method) throws Throwable;

        void rmiServerFailure(Throwable failure) throws Throwable;

        void rmiExit(Throwable thrown) throws Throwable;

        /** Forgets the calling thread's RMI calls in progress, after an RMI hook failed. */
        void forgetRmi();

        void hookFailed(String hook, Throwable failure);
    }
}
