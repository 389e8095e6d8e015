package dev.serialscope.e2e.programs;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RMI server and client in one JVM on loopback. The remote object is exported with a client
 * socket factory whose sockets count every byte the client hands to and takes from the socket
 * streams, so the program knows, per call, the bytes on the wire. It writes one line per call to
 * the file named by the first argument: {@code method TAB sentBytes TAB receivedBytes TAB failure}.
 */
public final class RmiTraffic {

    public interface Store extends Remote {
        int put(String key, byte[] value) throws RemoteException;

        String echo(String text) throws RemoteException;
    }

    static final class StoreImpl implements Store {
        @Override
        public int put(String key, byte[] value) {
            return value.length;
        }

        @Override
        public String echo(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return text;
        }
    }

    static final AtomicLong SENT = new AtomicLong();
    static final AtomicLong RECEIVED = new AtomicLong();

    /** Client sockets whose streams count bytes; serializable because the stub carries it. */
    public static final class CountingFactory implements RMIClientSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port) {
                private OutputStream out;
                private InputStream in;

                @Override
                public synchronized OutputStream getOutputStream() throws IOException {
                    if (out == null) {
                        out = new FilterOutputStream(super.getOutputStream()) {
                            @Override
                            public void write(int b) throws IOException {
                                out.write(b);
                                SENT.incrementAndGet();
                            }

                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                                SENT.addAndGet(len);
                            }
                        };
                    }
                    return out;
                }

                @Override
                public synchronized InputStream getInputStream() throws IOException {
                    if (in == null) {
                        in = new FilterInputStream(super.getInputStream()) {
                            @Override
                            public int read() throws IOException {
                                int b = in.read();
                                if (b >= 0) {
                                    RECEIVED.incrementAndGet();
                                }
                                return b;
                            }

                            @Override
                            public int read(byte[] b, int off, int len) throws IOException {
                                int n = in.read(b, off, len);
                                if (n > 0) {
                                    RECEIVED.addAndGet(n);
                                }
                                return n;
                            }
                        };
                    }
                    return in;
                }
            };
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CountingFactory;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        StoreImpl impl = new StoreImpl();
        // The stub that exportObject returns calls through UnicastRef.invoke over loopback, like a remote client.
        Store store = (Store) UnicastRemoteObject.exportObject(impl, 0, new CountingFactory(), null);
        byte[] value = new byte[200_000];
        call(out, "put", () -> store.put("key", value));
        call(out, "put", () -> store.put("key", value));
        call(out, "put", () -> store.put("key", value));
        call(out, "echo", () -> store.echo("hello"));
        call(out, "echo", () -> store.echo(""));
        UnicastRemoteObject.unexportObject(impl, true);
    }

    interface RemoteCall {
        Object run() throws Exception;
    }

    private static void call(Path out, String method, RemoteCall call) throws IOException {
        long sent = SENT.get();
        long received = RECEIVED.get();
        String failure = "";
        try {
            call.run();
        } catch (Exception e) {
            failure = e.getClass().getName();
        }
        Files.writeString(out, method + "\t" + (SENT.get() - sent) + "\t" + (RECEIVED.get() - received) + "\t" + failure + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
