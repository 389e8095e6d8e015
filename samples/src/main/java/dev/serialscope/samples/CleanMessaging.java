package dev.serialscope.samples;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline that SerialScope should find nothing wrong with: one ObjectOutputStream for the
 * life of the connection, small messages that are all different, and a reset() every
 * {@value #RESET_EVERY} messages so that neither side's handle table grows without bound. The
 * receiver accepts only the classes it expects (a JEP 290 serial filter), as any reader of bytes
 * from the network should.
 */
public final class CleanMessaging {

    private static final int MESSAGES = 1_000;
    private static final int RESET_EVERY = 100;
    private static final String ACCEPTED_CLASSES = Quote.class.getName() + ";java.lang.*;!*";

    private CleanMessaging() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService receiverThread = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Long> received = receiverThread.submit(() -> receive(server));
            try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
                 ObjectOutputStream out = new ObjectOutputStream(socket.getOutputStream())) {
                for (int i = 0; i < MESSAGES; i++) {
                    out.writeObject(Quote.number(i));
                    out.flush();
                    if ((i + 1) % RESET_EVERY == 0) {
                        out.reset();
                    }
                }
            }
            System.out.printf("CleanMessaging: sent %d quotes over one stream on loopback port %d, reset every %d;"
                    + " receiver summed %d cents%n", MESSAGES, server.getLocalPort(), RESET_EVERY, received.get());
        } finally {
            receiverThread.shutdown();
        }
    }

    private static long receive(ServerSocket server) throws IOException, ClassNotFoundException {
        try (Socket connection = server.accept();
             ObjectInputStream in = new ObjectInputStream(connection.getInputStream())) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(ACCEPTED_CLASSES));
            long sum = 0;
            for (int i = 0; i < MESSAGES; i++) {
                sum += ((Quote) in.readObject()).priceCents();
            }
            return sum;
        }
    }
}
