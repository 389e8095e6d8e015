package dev.serialscope.e2e.programs;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves known traffic over every kind of channel and writes what the peers measured to the file
 * named by the first argument, one line per channel and direction:
 * {@code channel TAB direction TAB bytes TAB serializedBytes} (serialized -1: not checked).
 * <ul>
 * <li>a loopback java.net.Socket: serialized objects through a BufferedOutputStream, then 1,000
 *     one-byte writes straight to the socket stream; the peer answers with one serialized object;</li>
 * <li>a TCP SocketChannel (plain and gathering writes) and a Unix-domain SocketChannel;</li>
 * <li>a pipe to a child process ({@code wc -c}, which reports how many bytes it received);</li>
 * <li>a file written with FileOutputStream and read back with FileInputStream.</li>
 * </ul>
 */
public final class IpcTraffic {

    /** A payload class of its own, so the recording can name it as the root of channel writes. */
    public static final class Payload implements Serializable {
        private static final long serialVersionUID = 1L;
        final byte[] data;

        Payload(int size) {
            data = new byte[size];
        }
    }

    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        socket();
        socketChannel();
        unixChannel();
        pipe();
        file();
    }

    private static void socket() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            AtomicLong serverReceived = new AtomicLong();
            AtomicLong serverSent = new AtomicLong();
            String[] clientName = new String[1];
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept()) {
                    clientName[0] = "socket " + s.getInetAddress().getHostAddress() + ":" + s.getPort();
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) > 0;) {
                        serverReceived.addAndGet(n);
                    }
                    CountingStreams.Out counted = new CountingStreams.Out(s.getOutputStream());
                    ObjectOutputStream reply = new ObjectOutputStream(new BufferedOutputStream(counted));
                    reply.writeObject(new Payload(12_345));
                    reply.flush();
                    serverSent.set(counted.count);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, "socket-peer");
            peer.start();
            long serialized;
            long clientReceived;
            String serverName;
            try (Socket s = new Socket(loopback, server.getLocalPort())) {
                serverName = "socket " + s.getInetAddress().getHostAddress() + ":" + s.getPort();
                CountingStreams.Out counted = new CountingStreams.Out(s.getOutputStream());
                ObjectOutputStream oos = new ObjectOutputStream(new BufferedOutputStream(counted));
                for (int i = 0; i < 5; i++) {
                    oos.writeObject(new Payload(100_000));
                }
                oos.flush();
                serialized = counted.count;
                OutputStream raw = s.getOutputStream();
                for (int i = 0; i < 1000; i++) {
                    raw.write(i);
                }
                s.shutdownOutput();
                CountingStreams.In in = new CountingStreams.In(s.getInputStream());
                ObjectInputStream ois = new ObjectInputStream(in);
                ois.readObject();
                byte[] rest = new byte[1024];
                while (in.read(rest) > 0) {
                    // drain up to EOF so that every byte the peer sent is counted
                }
                clientReceived = in.count;
            }
            peer.join();
            record(serverName, "write", serverReceived.get(), serialized);
            record(serverName, "read", clientReceived, -1);
            record(clientName[0], "read", serverReceived.get(), -1);
            record(clientName[0], "write", serverSent.get(), serverSent.get());
        }
    }

    private static void socketChannel() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            AtomicLong received = new AtomicLong();
            String[] clientName = new String[1];
            Thread peer = new Thread(() -> {
                try (SocketChannel s = server.accept()) {
                    InetSocketAddress remote = (InetSocketAddress) s.getRemoteAddress();
                    clientName[0] = "socket " + remote.getAddress().getHostAddress() + ":" + remote.getPort();
                    ByteBuffer buffer = ByteBuffer.allocate(3000);
                    for (int n; (n = s.read(buffer)) >= 0; buffer.clear()) {
                        received.addAndGet(n);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, "channel-peer");
            peer.start();
            String serverName;
            try (SocketChannel s = SocketChannel.open(server.getLocalAddress())) {
                InetSocketAddress remote = (InetSocketAddress) s.getRemoteAddress();
                serverName = "socket " + remote.getAddress().getHostAddress() + ":" + remote.getPort();
                for (int i = 0; i < 50; i++) {
                    writeFully(s, ByteBuffer.allocate(1000 + i));
                }
                ByteBuffer[] gather = {ByteBuffer.allocate(700), ByteBuffer.allocate(77_777)};
                while (gather[1].hasRemaining()) {
                    s.write(gather, 0, 2);
                }
            }
            peer.join();
            record(serverName, "write", received.get(), -1);
            record(clientName[0], "read", received.get(), -1);
        }
    }

    private static void unixChannel() throws Exception {
        Path socketFile = Files.createTempDirectory("ipc").resolve("s.sock");
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socketFile);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            AtomicLong received = new AtomicLong();
            Thread peer = new Thread(() -> {
                try (SocketChannel s = server.accept()) {
                    ByteBuffer buffer = ByteBuffer.allocate(5000);
                    for (int n; (n = s.read(buffer)) >= 0; buffer.clear()) {
                        received.addAndGet(n);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, "unix-peer");
            peer.start();
            try (SocketChannel s = SocketChannel.open(address)) {
                for (int i = 0; i < 20; i++) {
                    writeFully(s, ByteBuffer.allocate(4321));
                }
            }
            peer.join();
            String name = "socket " + socketFile;
            record(name, "write", received.get(), -1);
            record(name, "read", received.get(), -1);
        } finally {
            Files.deleteIfExists(socketFile);
        }
    }

    private static void pipe() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "wc -c").start();
        OutputStream stdin = child.getOutputStream();
        byte[] chunk = new byte[3333];
        for (int i = 0; i < 30; i++) {
            stdin.write(chunk);
        }
        stdin.write(7);
        stdin.close();
        byte[] answer = child.getInputStream().readAllBytes();
        child.waitFor();
        long received = Long.parseLong(new String(answer, StandardCharsets.US_ASCII).trim());
        String name = "pipe (child pid " + child.pid() + ")";
        record(name, "write", received, -1);
        record(name, "read", answer.length, -1);
    }

    private static void file() throws Exception {
        Path file = Files.createTempFile("ipc", ".bin").toAbsolutePath();
        try (FileOutputStream fos = new FileOutputStream(file.toFile())) {
            fos.write(new byte[10_000]);
            fos.write(new byte[5000], 100, 2345);
            fos.write(1);
        }
        long read = 0;
        try (FileInputStream fis = new FileInputStream(file.toFile())) {
            byte[] buffer = new byte[4096];
            for (int n; (n = fis.read(buffer)) > 0;) {
                read += n;
            }
        }
        String name = "file " + file;
        record(name, "write", Files.size(file), -1);
        record(name, "read", read, -1);
        Files.delete(file);
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static synchronized void record(String channel, String direction, long bytes, long serialized)
            throws IOException {
        Files.writeString(out, channel + "\t" + direction + "\t" + bytes + "\t" + serialized + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
