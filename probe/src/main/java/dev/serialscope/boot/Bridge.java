package dev.serialscope.boot;

import java.io.OutputStream;

import jdk.jfr.Event;

/**
 * The only SerialScope class that JDK code sees: loaded by the bootstrap loader, called from
 * advice inlined into java.base. Its flags make the idle path one volatile read; every call into
 * the agent is guarded so that no failure of ours reaches the application, and a hook that fails
 * is switched off for good.
 */
public final class Bridge {

    /** True while a recording wants serialization (write) data: per-call events or statistics. */
    public static volatile boolean serializationActive;
    /** True while a recording wants deserialization (read) data. */
    public static volatile boolean deserializationActive;

    /** The one thread, if any, that traces a sampled serialization call object by object. */
    public static volatile Thread tracingThread;

    private static volatile ProbeHooks hooks;
    private static volatile boolean serializationBroken;
    private static volatile boolean deserializationBroken;
    private static volatile boolean streamsBroken;
    private static volatile boolean tracingBroken;
    private static volatile boolean processesBroken;

    private Bridge() {
    }

    public static void install(ProbeHooks probeHooks) {
        hooks = probeHooks;
    }

    /** Applies what the running recordings ask for, unless the hook was switched off. */
    public static void activate(boolean serialization, boolean deserialization) {
        serializationActive = serialization && !serializationBroken;
        deserializationActive = deserialization && !deserializationBroken;
    }

    /** False once a serialization hook failed: numbers of a call in progress can no longer be trusted. */
    public static boolean serializationWorking() {
        return !serializationBroken;
    }

    public static boolean deserializationWorking() {
        return !deserializationBroken;
    }

    public static OutputStream wrap(OutputStream out) {
        if (out == null || hooks == null || streamsBroken) {
            return out;
        }
        try {
            return new CountingOutputStream(out, true);
        } catch (Throwable t) {
            streamsBroken = true;
            report("ObjectOutputStream.<init>", t);
            return out;
        }
    }

    /** Returns the call's frame for {@link #serializationExit}, or null when the call is not measured. */
    public static Object serializationEnter(Object stream) {
        ProbeHooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.serializationEnter(stream);
        } catch (Throwable t) {
            serializationFailed(t);
            return null;
        }
    }

    /** Returns the call's event for the advice to commit (see {@link ProbeHooks#serializationExit}), or null. */
    public static Event serializationExit(Object stream, Object root, Object frame, Throwable thrown) {
        try {
            return (Event) hooks.serializationExit(stream, root, frame, thrown);
        } catch (Throwable t) {
            serializationFailed(t);
            return null;
        }
    }

    /** After the advice committed the event that {@link #serializationExit} returned. */
    public static void serializationCommitted(Event event) {
        try {
            hooks.committed(event);
        } catch (Throwable t) {
            serializationFailed(t);
        }
    }

    public static Object deserializationEnter(Object stream) {
        ProbeHooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            return h.deserializationEnter(stream);
        } catch (Throwable t) {
            deserializationFailed(t);
            return null;
        }
    }

    public static Event deserializationExit(Object stream, Object result, Object frame, Throwable thrown) {
        try {
            return (Event) hooks.deserializationExit(stream, result, frame, thrown);
        } catch (Throwable t) {
            deserializationFailed(t);
            return null;
        }
    }

    public static void deserializationCommitted(Event event) {
        try {
            hooks.committed(event);
        } catch (Throwable t) {
            deserializationFailed(t);
        }
    }

    /** Returns the frame the descriptor is counted in, for {@link #descriptorExit}, or null. */
    public static Object descriptorEnter(Object stream, boolean write) {
        try {
            return hooks.descriptorEnter(stream);
        } catch (Throwable t) {
            if (write) {
                serializationFailed(t);
            } else {
                deserializationFailed(t);
            }
            return null;
        }
    }

    public static void descriptorExit(Object stream, Object frame, boolean write) {
        try {
            hooks.descriptorExit(stream, frame);
        } catch (Throwable t) {
            if (write) {
                serializationFailed(t);
            } else {
                deserializationFailed(t);
            }
        }
    }

    public static void objectEnter(Object stream, Object object) {
        try {
            hooks.objectEnter(stream, object);
        } catch (Throwable t) {
            tracingFailed(t);
        }
    }

    public static void objectExit(Object stream) {
        try {
            hooks.objectExit(stream);
        } catch (Throwable t) {
            tracingFailed(t);
        }
    }

    public static void fieldsEnter(Object stream, Object descriptor) {
        try {
            hooks.fieldsEnter(stream, descriptor);
        } catch (Throwable t) {
            tracingFailed(t);
        }
    }

    public static void fieldsExit(Object stream) {
        try {
            hooks.fieldsExit(stream);
        } catch (Throwable t) {
            tracingFailed(t);
        }
    }

    public static void streamReset(Object stream) {
        try {
            hooks.streamReset(stream);
        } catch (Throwable t) {
            deserializationFailed(t);
        }
    }

    public static void processStarted(Process process) {
        ProbeHooks h = hooks;
        if (h == null || process == null || processesBroken) {
            return;
        }
        try {
            h.processStarted(process);
        } catch (Throwable t) {
            processesBroken = true;
            report("ProcessBuilder.start", t);
        }
    }

    /** Tracing is given up for good; the call itself goes on being measured. */
    private static void tracingFailed(Throwable t) {
        tracingBroken = true;
        tracingThread = null;
        report("ObjectOutputStream.writeObject0", t);
    }

    public static boolean tracingAllowed() {
        return !tracingBroken;
    }

    private static void serializationFailed(Throwable t) {
        serializationBroken = true;
        serializationActive = false;
        report("ObjectOutputStream.writeObject", t);
    }

    private static void deserializationFailed(Throwable t) {
        deserializationBroken = true;
        deserializationActive = false;
        report("ObjectInputStream.readObject", t);
    }

    private static void report(String hook, Throwable failure) {
        try {
            hooks.hookFailed(hook, failure);
        } catch (Throwable ignored) {
            // Reporting is best effort; the hook is already off.
        }
    }
}
