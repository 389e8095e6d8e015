package dev.serialscope.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A new ObjectOutputStream for every tiny message on one socket (and a new ObjectInputStream per
 * message on the receiving side). Each message then pays the stream header and the full class
 * descriptors of {@link Quote} again, which is several times the size of its actual data. The
 * fix: keep one stream per connection, as {@link CleanMessaging} does.
 */
public final class FreshStreamPerMessage {

    private static final int MESSAGES = 500;

    private FreshStreamPerMessage() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService receiverThread = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Long> received = receiverThread.submit(() -> receive(server));
            try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort())) {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < MESSAGES; i++) {
                    // The mistake. Not closed on purpose: closing it would close the socket.
                    ObjectOutputStream perMessage = new ObjectOutputStream(out);
                    perMessage.writeObject(Quote.number(i));
                    perMessage.flush();
                }
            }
            System.out.printf("FreshStreamPerMessage: sent %d quotes over loopback port %d, a new stream each;"
                    + " receiver summed %d cents%n", MESSAGES, server.getLocalPort(), received.get());
        } finally {
            receiverThread.shutdown();
        }
    }

    private static long receive(ServerSocket server) throws IOException, ClassNotFoundException {
        try (Socket connection = server.accept()) {
            InputStream in = connection.getInputStream();
            long sum = 0;
            for (int i = 0; i < MESSAGES; i++) {
                sum += ((Quote) new ObjectInputStream(in).readObject()).priceCents();
            }
            return sum;
        }
    }
}
