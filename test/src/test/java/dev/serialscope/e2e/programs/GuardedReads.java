package dev.serialscope.e2e.programs;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.apache.commons.io.serialization.ValidatingObjectInputStream;

/**
 * Reads {@value #MESSAGES} objects from each of two loopback connections without a serial filter: one
 * through Commons IO's ValidatingObjectInputStream, which allow-lists classes in resolveClass, one
 * through a plain ObjectInputStream, which checks nothing. Prints "guarded N, plain N".
 */
public final class GuardedReads {

    static final int MESSAGES = 25;

    private GuardedReads() {
    }

    public static void main(String[] args) throws Exception {
        int guarded = 0;
        int plain = 0;
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            Thread sender = new Thread(() -> send(server.getLocalPort()), "sender");
            sender.start();
            try (Socket first = server.accept(); Socket second = server.accept()) {
                for (int i = 0; i < MESSAGES; i++) {
                    guarded += read(ValidatingObjectInputStream.builder().setInputStream(first.getInputStream())
                            .accept(Fixtures.Point.class).get());
                }
                for (int i = 0; i < MESSAGES; i++) {
                    plain += read(new ObjectInputStream(second.getInputStream()));
                }
            }
            sender.join();
        }
        System.out.println("guarded " + guarded + ", plain " + plain);
    }

    /** One message per stream, as a fresh stream per message does. */
    private static int read(ObjectInputStream in) throws Exception {
        return in.readObject() instanceof Fixtures.Point ? 1 : 0;
    }

    private static void send(int port) {
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
            for (Socket socket : new Socket[] {first, second}) {
                for (int i = 0; i < MESSAGES; i++) {
                    ObjectOutputStream out = new ObjectOutputStream(socket.getOutputStream());
                    out.writeObject(new Fixtures.Point(i, -i));
                    out.flush();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
