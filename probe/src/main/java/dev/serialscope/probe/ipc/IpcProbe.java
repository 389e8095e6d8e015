package dev.serialscope.probe.ipc;

import dev.serialscope.boot.IpcBridge;
import dev.serialscope.events.ChannelIoEvent;
import dev.serialscope.events.ChannelStatisticsEvent;
import dev.serialscope.events.IpcSettings;
import dev.serialscope.probe.core.ProbeErrors;
import dev.serialscope.probe.core.SerializerCalls;
import java.lang.ref.WeakReference;
import java.net.SocketImpl;
import java.nio.channels.SocketChannel;

/**
 * Measures every read and write on sockets, socket channels, process pipes, standard streams and
 * files: counts it per channel and direction for the statistics, writes a Channel I/O event when
 * it passes the threshold, attributes it to the serialization call in progress on the same thread
 * and adds socket bytes to the RMI call in progress. Runs on the application's thread: no lock, no
 * atomic instruction, and no allocation except the first time a thread meets a channel.
 */
final class IpcProbe implements IpcBridge.Hooks, SerializerCalls.Listener {

    static final String JAVA = "java";

    private final ThreadLocal<IpcThread> threads = ThreadLocal.withInitial(IpcThread::new);
    private final IpcRecording recording;
    private final ChannelNames names;
    private final ProbeErrors errors;

    IpcProbe(IpcRecording recording, ChannelNames names, ProbeErrors errors) {
        this.recording = recording;
        this.names = names;
        this.errors = errors;
    }

    @Override
    public long ioEnter() {
        long start = System.nanoTime();
        if (recording.ioEvents) {
            IpcThread t = threads.get();
            if (!t.busy) {
                if (t.event == null) {
                    t.event = new ChannelIoEvent();
                }
                t.event.begin();
                t.eventStarted = true;
            }
        }
        return start;
    }

    @Override
    public void ioExit(Object channel, boolean write, long token, long bytes, Throwable thrown) throws Throwable {
        long end = System.nanoTime();
        IpcThread t = threads.get();
        if (t.busy || channel == null) {
            return;
        }
        t.busy = true;
        try {
            long nanos = end - token;
            String framework = null;
            Class<?> root = null;
            if (IpcBridge.contextAllowed()) {
                if (write ? t.javaWriteDepth > 0 : t.javaReadDepth > 0) {
                    framework = JAVA;
                    root = write ? t.javaWriteRoot : null;
                } else if (write && t.javaFlushDepth > 0) {
                    framework = JAVA;
                    root = t.lastJavaRoot;
                } else if (t.frameworkDepth > 0 && t.frameworkWrite == write) {
                    framework = t.framework;
                    root = write ? t.frameworkRoot : null;
                } else if (t.rmi.inCall() && isSocket(channel)) {
                    framework = JAVA;
                }
            }
            int index = cacheIndex(t, channel);
            String name = t.cacheNames[index];
            if (t.rmi.inCall() && isSocket(channel)) {
                t.rmi.socketIo(name, write, bytes);
            }
            if (recording.counting()) {
                t.table.add(t.cacheSlots[index], write, bytes, framework != null ? bytes : 0, nanos, recording.epoch());
            }
            if (t.eventStarted) {
                t.eventStarted = false;
                ChannelIoEvent event = t.event;
                event.end();
                if ((bytes >= IpcSettings.channelIoMinBytes || nanos >= IpcSettings.channelIoMinNanos) && event.shouldCommit()) {
                    event.channel = name;
                    event.direction = write ? ChannelStatisticsEvent.WRITE : ChannelStatisticsEvent.READ;
                    event.bytes = bytes;
                    event.framework = framework;
                    event.rootClass = root;
                    event.failure = thrown == null ? null : thrown.getClass().getName();
                    event.commit();
                    event.rootClass = null;
                }
            }
        } finally {
            t.busy = false;
        }
    }

    private static boolean isSocket(Object channel) {
        return channel instanceof SocketImpl || channel instanceof SocketChannel;
    }

    /** The cache entry of {@code channel}, filled (name and table slot) when it is not there yet. */
    private int cacheIndex(IpcThread t, Object channel) throws Exception {
        int index = System.identityHashCode(channel) & (IpcThread.CACHE - 1);
        if (t.table != null && t.cachedKey(index) == channel) {
            return index;
        }
        String name = names.of(channel);
        if (t.table == null) {
            t.table = recording.newTable();
        }
        int slot = t.table.slotOf(name);
        if (slot < 0) {
            t.table.retired = true;
            t.table = recording.newTable();
            t.clearCache();
            slot = t.table.slotOf(name);
        }
        t.cacheKeys[index] = new WeakReference<>(channel);
        t.cacheNames[index] = name;
        t.cacheSlots[index] = slot;
        return index;
    }

    @Override
    public Object contextEnter(int kind, Object root) {
        IpcThread t = threads.get();
        switch (kind) {
            case IpcBridge.JAVA_WRITE:
                if (t.javaWriteDepth++ == 0) {
                    t.javaWriteRoot = root == null ? null : root.getClass();
                }
                break;
            case IpcBridge.JAVA_FLUSH:
            case IpcBridge.JAVA_DRAIN:
                t.javaFlushDepth++;
                break;
            default:
                t.javaReadDepth++;
                break;
        }
        return t;
    }

    @Override
    public void contextExit(int kind, Object context) {
        IpcThread t = (IpcThread) context;
        switch (kind) {
            case IpcBridge.JAVA_WRITE:
                if (t.javaWriteDepth > 0 && --t.javaWriteDepth == 0) {
                    t.lastJavaRoot = t.javaWriteRoot;
                    t.javaWriteRoot = null;
                }
                break;
            case IpcBridge.JAVA_DRAIN:
                // The application's flush may still send these bytes: keep the root for it.
                t.javaFlushDepth = Math.max(0, t.javaFlushDepth - 1);
                break;
            case IpcBridge.JAVA_FLUSH:
                t.javaFlushDepth = Math.max(0, t.javaFlushDepth - 1);
                if (t.javaFlushDepth == 0 && t.javaWriteDepth == 0) {
                    // The tail of the last object has left; do not keep its class (and loader) reachable.
                    t.lastJavaRoot = null;
                }
                break;
            default:
                t.javaReadDepth = Math.max(0, t.javaReadDepth - 1);
                break;
        }
    }

    /** A Kryo, Jackson or Protobuf call starts on this thread (only the outermost sets the root). */
    @Override
    public void enter(String framework, boolean write, Object root) {
        IpcThread t = threads.get();
        if (t.frameworkDepth++ == 0) {
            t.framework = framework;
            t.frameworkWrite = write;
            t.frameworkRoot = root == null ? null : root.getClass();
        }
    }

    @Override
    public void exit() {
        IpcThread t = threads.get();
        if (t.frameworkDepth > 0 && --t.frameworkDepth == 0) {
            t.frameworkRoot = null;
        }
    }

    @Override
    public void forget() {
        IpcThread t = threads.get();
        t.frameworkDepth = 0;
        t.frameworkRoot = null;
    }

    @Override
    public void rmiClientEnter(Object method) {
        threads.get().rmi.clientEnter(method);
    }

    @Override
    public void rmiServerEnter(Object remote, Object call) throws Exception {
        threads.get().rmi.serverEnter(remote, call);
    }

    @Override
    public void rmiServerMethod(Object method) {
        threads.get().rmi.serverMethod(method);
    }

    @Override
    public void rmiServerFailure(Throwable failure) {
        threads.get().rmi.serverFailure(failure);
    }

    @Override
    public void rmiExit(Throwable thrown) {
        IpcThread t = threads.get();
        boolean wasBusy = t.busy;
        t.busy = true;
        try {
            t.rmi.exit(thrown, recording.rmiEvents);
        } finally {
            t.busy = wasBusy;
        }
    }

    @Override
    public void forgetRmi() {
        threads.get().rmi.forget();
    }

    @Override
    public void hookFailed(String hook, Throwable failure) {
        IpcThread t = threads.get();
        boolean wasBusy = t.busy;
        t.busy = true;
        try {
            errors.report(hook, failure);
        } finally {
            t.busy = wasBusy;
        }
    }
}
