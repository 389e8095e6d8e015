package dev.serialscope.probe.ipc;

import dev.serialscope.events.ChannelIoEvent;
import dev.serialscope.probe.rmi.RmiCalls;
import java.lang.ref.WeakReference;

/** One thread's IPC state: the serialization context, RMI calls, its channel table and a small name cache. */
final class IpcThread {

    static final int CACHE = 8;

    /** Set while the probe itself runs on this thread: I/O it causes (an error line on stderr) is not counted. */
    boolean busy;

    int javaWriteDepth;
    Class<?> javaWriteRoot;
    /** Root class of the last top-level writeObject: what a later ObjectOutputStream flush sends. */
    Class<?> lastJavaRoot;
    int javaFlushDepth;
    int javaReadDepth;

    int frameworkDepth;
    String framework;
    boolean frameworkWrite;
    Class<?> frameworkRoot;

    final RmiCalls rmi = new RmiCalls();

    ChannelIoEvent event;
    boolean eventStarted;

    ChannelTable table;
    final Object[] cacheKeys = new Object[CACHE];
    final int[] cacheSlots = new int[CACHE];
    final String[] cacheNames = new String[CACHE];

    void clearCache() {
        for (int i = 0; i < CACHE; i++) {
            cacheKeys[i] = null;
            cacheNames[i] = null;
        }
    }

    @SuppressWarnings("unchecked")
    Object cachedKey(int index) {
        Object ref = cacheKeys[index];
        return ref == null ? null : ((WeakReference<Object>) ref).get();
    }
}
