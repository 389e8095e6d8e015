package dev.serialscope.probe.rmi;

import dev.serialscope.events.RmiCallEvent;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.rmi.server.RemoteCall;

/**
 * One thread's RMI calls in progress: a client {@code UnicastRef.invoke} or a server
 * {@code UnicastServerRef.dispatch}, possibly nested (a server method that calls another remote
 * object). Bytes are measured on the connection, not per object, so arguments that RMI reads
 * through its private String path are counted like any other: on the client, socket bytes written
 * and read by the thread during invoke; on the server, bytes the call's ObjectInputStream consumed
 * during dispatch (the transport has buffered them from the socket before dispatch starts) and
 * socket bytes written during dispatch (the result is flushed before dispatch returns).
 */
public final class RmiCalls {

    static final int MAX_NESTING = 4;

    private final Frame[] frames = new Frame[MAX_NESTING];
    private int depth;
    /** Calls nested deeper than MAX_NESTING: entered and exited, not measured. */
    private int overflow;

    private static final class Frame {
        boolean server;
        Class<?> remoteInterface;
        String method;
        String endpoint;
        long written;
        long read;
        ObjectInputStream serverIn;
        long serverInStart;
        String failure;
        final RmiCallEvent event = new RmiCallEvent();
    }

    public boolean inCall() {
        return depth > 0;
    }

    private Frame push() {
        if (depth == MAX_NESTING) {
            overflow++;
            return null;
        }
        Frame f = frames[depth];
        if (f == null) {
            f = new Frame();
            frames[depth] = f;
        }
        depth++;
        f.remoteInterface = null;
        f.method = null;
        f.endpoint = null;
        f.written = 0;
        f.read = 0;
        f.serverIn = null;
        f.serverInStart = -1;
        f.failure = null;
        f.event.begin();
        return f;
    }

    public void clientEnter(Object method) {
        Frame f = push();
        if (f == null) {
            return;
        }
        f.server = false;
        if (method instanceof Method) {
            Method m = (Method) method;
            f.remoteInterface = m.getDeclaringClass();
            f.method = m.getName();
        }
    }

    public void serverEnter(Object remote, Object call) throws Exception {
        Frame f = push();
        if (f == null) {
            return;
        }
        f.server = true;
        f.remoteInterface = remote == null ? null : remote.getClass();
        if (call instanceof RemoteCall) {
            // The transport has already opened this stream to read the object id: no side effect.
            @SuppressWarnings("deprecation")
            Object in = ((RemoteCall) call).getInputStream();
            if (in instanceof ObjectInputStream) {
                f.serverIn = (ObjectInputStream) in;
                f.serverInStart = ServerInput.bytesRead(f.serverIn);
            }
        }
    }

    public void serverMethod(Object method) {
        Frame f = top();
        if (f != null && f.server && method instanceof Method) {
            Method m = (Method) method;
            f.remoteInterface = m.getDeclaringClass();
            f.method = m.getName();
        }
    }

    public void serverFailure(Throwable failure) {
        Frame f = top();
        if (f != null && f.server && failure != null) {
            Throwable cause = failure;
            if (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            f.failure = cause.getClass().getName();
        }
    }

    /** A socket operation on this thread: counted for the innermost call. */
    public void socketIo(String channel, boolean write, long bytes) {
        Frame f = top();
        if (f == null) {
            return;
        }
        if (f.endpoint == null) {
            f.endpoint = channel;
        }
        if (write) {
            f.written += bytes;
        } else {
            f.read += bytes;
        }
    }

    public void exit(Throwable thrown, boolean eventsEnabled) {
        if (overflow > 0) {
            overflow--;
            return;
        }
        if (depth == 0) {
            return;
        }
        Frame f = frames[--depth];
        RmiCallEvent event = f.event;
        event.end();
        if (eventsEnabled && event.shouldCommit()) {
            event.side = f.server ? RmiCallEvent.SERVER : RmiCallEvent.CLIENT;
            event.remoteInterface = f.remoteInterface;
            event.method = f.method == null ? "" : f.method;
            event.endpoint = f.endpoint;
            if (f.server) {
                event.argumentBytes = f.serverInStart < 0 ? -1 : Math.max(0, ServerInput.bytesRead(f.serverIn) - f.serverInStart);
                event.resultBytes = f.written;
            } else {
                event.argumentBytes = f.written;
                event.resultBytes = f.read;
            }
            event.failure = thrown != null ? thrown.getClass().getName() : f.failure;
            event.commit();
        }
        f.serverIn = null;
        f.remoteInterface = null;
        event.remoteInterface = null;
    }

    /** After a failure: this thread is no longer inside any call. */
    public void forget() {
        for (int i = 0; i < depth; i++) {
            frames[i].serverIn = null;
        }
        depth = 0;
        overflow = 0;
    }

    private Frame top() {
        return depth > 0 && overflow == 0 ? frames[depth - 1] : null;
    }

    /**
     * The bytes an ObjectInputStream has consumed, from its private fields. A class of its own so
     * that ObjectInputStream is loaded by the first server call, not by the first thread to do I/O
     * (every thread gets an RmiCalls): loading it means instrumenting it, which start-up should not pay
     * for a program that never deserializes.
     */
    private static final class ServerInput {

        private static final VarHandle IN_BLOCK_STREAM;
        private static final VarHandle IN_PEEK_STREAM;
        private static final VarHandle PEEK_BYTES_READ;

        static {
            try {
                Class<?> blockIn = Class.forName("java.io.ObjectInputStream$BlockDataInputStream");
                Class<?> peekIn = Class.forName("java.io.ObjectInputStream$PeekInputStream");
                IN_BLOCK_STREAM = MethodHandles.privateLookupIn(ObjectInputStream.class, MethodHandles.lookup())
                        .findVarHandle(ObjectInputStream.class, "bin", blockIn);
                IN_PEEK_STREAM = MethodHandles.privateLookupIn(blockIn, MethodHandles.lookup())
                        .findVarHandle(blockIn, "in", peekIn);
                PEEK_BYTES_READ = MethodHandles.privateLookupIn(peekIn, MethodHandles.lookup())
                        .findVarHandle(peekIn, "totalBytesRead", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private ServerInput() {
        }

        static long bytesRead(ObjectInputStream in) {
            Object block = IN_BLOCK_STREAM.get(in);
            return block == null ? -1 : (long) PEEK_BYTES_READ.get(IN_PEEK_STREAM.get(block));
        }
    }
}
