package dev.serialscope.probe.core;

import dev.serialscope.boot.CountingOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Names where a stream's bytes go: the socket peer, the child process, the file, memory. Only
 * addresses, pids and paths are read, never data. Names are computed once per stream, and only
 * for calls that produce an event.
 */
public final class Channels {

    public static final String MEMORY = "memory";

    private static final int MAX_WRAPPERS = 16;
    private static final VarHandle FILTER_OUT;
    private static final VarHandle FILTER_IN;
    private static final VarHandle FILE_OUT_PATH;
    private static final VarHandle FILE_IN_PATH;
    private static final VarHandle SOCKET_OUT_PARENT;
    private static final VarHandle SOCKET_IN_PARENT;
    private static final Class<?> SOCKET_OUT;
    private static final Class<?> SOCKET_IN;

    static {
        try {
            FILTER_OUT = MethodHandles.privateLookupIn(FilterOutputStream.class, MethodHandles.lookup())
                    .findVarHandle(FilterOutputStream.class, "out", OutputStream.class);
            FILTER_IN = MethodHandles.privateLookupIn(FilterInputStream.class, MethodHandles.lookup())
                    .findVarHandle(FilterInputStream.class, "in", InputStream.class);
            FILE_OUT_PATH = MethodHandles.privateLookupIn(FileOutputStream.class, MethodHandles.lookup())
                    .findVarHandle(FileOutputStream.class, "path", String.class);
            FILE_IN_PATH = MethodHandles.privateLookupIn(FileInputStream.class, MethodHandles.lookup())
                    .findVarHandle(FileInputStream.class, "path", String.class);
            SOCKET_OUT = Class.forName("java.net.Socket$SocketOutputStream");
            SOCKET_IN = Class.forName("java.net.Socket$SocketInputStream");
            SOCKET_OUT_PARENT = MethodHandles.privateLookupIn(SOCKET_OUT, MethodHandles.lookup())
                    .findVarHandle(SOCKET_OUT, "parent", Socket.class);
            SOCKET_IN_PARENT = MethodHandles.privateLookupIn(SOCKET_IN, MethodHandles.lookup())
                    .findVarHandle(SOCKET_IN, "parent", Socket.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<Object, Long> childPipes = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<Object, String> namesByStream = Collections.synchronizedMap(new WeakHashMap<>());

    public void processStarted(Process process) {
        Long pid = process.pid();
        childPipes.put(process.getOutputStream(), pid);
        childPipes.put(process.getInputStream(), pid);
        childPipes.put(process.getErrorStream(), pid);
        // The file streams under the JDK's buffered pipe wrappers, where channel I/O is measured.
        registerInner(process.getOutputStream(), pid);
        registerInner(process.getInputStream(), pid);
        registerInner(process.getErrorStream(), pid);
    }

    private void registerInner(Object stream, Long pid) {
        Object current = stream;
        for (int i = 0; i < MAX_WRAPPERS && current != null; i++) {
            if (current instanceof FilterOutputStream) {
                current = FILTER_OUT.get(current);
            } else if (current instanceof FilterInputStream) {
                current = FILTER_IN.get(current);
            } else {
                break;
            }
            if (current != null) {
                childPipes.put(current, pid);
            }
        }
    }

    /** The channel name of any java.io stream, e.g. the FileOutputStream a channel I/O hook fired on. */
    public String nameOf(Object stream) {
        return describe(stream);
    }

    /** The channel of an ObjectOutputStream whose underlying stream is {@code target}. */
    public String ofOutput(Object objectStream, OutputStream target) {
        if (target instanceof CountingOutputStream) {
            CountingOutputStream counting = (CountingOutputStream) target;
            String name = counting.channel;
            if (name == null) {
                name = describe(counting.target());
                counting.channel = name;
            }
            return name;
        }
        return namesByStream.computeIfAbsent(objectStream, k -> describe(target));
    }

    /** The channel of a call that writes to or reads from a file, not a stream. */
    public static String file(Object file) {
        return file instanceof File ? "file " + ((File) file).getAbsolutePath() : unknown(file);
    }

    public static String unknown(Object target) {
        return "unknown (" + (target == null ? "null" : target.getClass().getName()) + ")";
    }

    /** The channel of an ObjectInputStream whose underlying stream is {@code source}. */
    public String ofInput(Object objectStream, InputStream source) {
        return namesByStream.computeIfAbsent(objectStream, k -> describe(source));
    }

    private String describe(Object stream) {
        Object current = stream;
        for (int i = 0; i < MAX_WRAPPERS && current != null; i++) {
            Long pid = childPipes.get(current);
            if (pid != null) {
                return "pipe (child pid " + pid + ")";
            }
            if (current instanceof ByteArrayOutputStream || current instanceof ByteArrayInputStream) {
                return MEMORY;
            }
            if (current.getClass() == SOCKET_OUT) {
                return socket((Socket) SOCKET_OUT_PARENT.get(current));
            }
            if (current.getClass() == SOCKET_IN) {
                return socket((Socket) SOCKET_IN_PARENT.get(current));
            }
            if (current instanceof FileOutputStream) {
                return file((String) FILE_OUT_PATH.get(current), fd((FileOutputStream) current));
            }
            if (current instanceof FileInputStream) {
                return file((String) FILE_IN_PATH.get(current), fd((FileInputStream) current));
            }
            if (current instanceof CountingOutputStream) {
                current = ((CountingOutputStream) current).target();
            } else if (current instanceof FilterOutputStream) {
                current = FILTER_OUT.get(current);
            } else if (current instanceof FilterInputStream) {
                current = FILTER_IN.get(current);
            } else {
                break;
            }
        }
        return unknown(current);
    }

    private static String socket(Socket socket) {
        SocketAddress remote = socket.getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) remote;
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return "socket " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return "socket " + remote;
    }

    private static String file(String path, FileDescriptor fd) {
        if (path != null) {
            return "file " + new File(path).getAbsolutePath();
        }
        if (fd == FileDescriptor.out) {
            return "stdout";
        }
        if (fd == FileDescriptor.err) {
            return "stderr";
        }
        if (fd == FileDescriptor.in) {
            return "stdin";
        }
        return "file descriptor";
    }

    private static FileDescriptor fd(FileOutputStream stream) {
        try {
            return stream.getFD();
        } catch (IOException closed) {
            return null;
        }
    }

    private static FileDescriptor fd(FileInputStream stream) {
        try {
            return stream.getFD();
        } catch (IOException closed) {
            return null;
        }
    }
}
