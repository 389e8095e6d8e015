package dev.serialscope.samples;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.BadAttributeValueExpException;

/**
 * A receiver that reads {@value #MESSAGES} quotes from a socket without a serial filter, and among them
 * two objects of a class that starts known deserialization gadget chains
 * ({@code javax.management.BadAttributeValueExpException}, harmless here: it carries a string). The
 * receiver trusts the peer and reads whatever class arrives: one message of the wrong class is all an
 * attacker needs. The fix: a JEP 290 filter that allows the expected classes only.
 */
public final class GadgetOnSocket {

    private static final int MESSAGES = 1_000;
    private static final int FIRST_GADGET_AT = 300;
    private static final int SECOND_GADGET_AT = 700;

    private GadgetOnSocket() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService receiverThread = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<String> received = receiverThread.submit(() -> receive(server));
            try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
                 ObjectOutputStream out = new ObjectOutputStream(socket.getOutputStream())) {
                for (int i = 0; i < MESSAGES; i++) {
                    boolean gadget = i == FIRST_GADGET_AT || i == SECOND_GADGET_AT;
                    out.writeObject(gadget ? new BadAttributeValueExpException("not a quote") : Quote.number(i));
                }
            }
            System.out.printf("GadgetOnSocket: sent %d messages on loopback port %d; the receiver read %s%n",
                    MESSAGES, server.getLocalPort(), received.get());
        } finally {
            receiverThread.shutdown();
        }
    }

    private static String receive(ServerSocket server) throws IOException, ClassNotFoundException {
        try (Socket connection = server.accept();
             ObjectInputStream in = new ObjectInputStream(connection.getInputStream())) {
            int quotes = 0;
            int unexpected = 0;
            String unexpectedClass = "";
            for (int i = 0; i < MESSAGES; i++) {
                Object message = in.readObject();
                if (message instanceof Quote) {
                    quotes++;
                } else {
                    unexpected++;
                    unexpectedClass = message.getClass().getSimpleName();
                }
            }
            return quotes + " quotes and " + unexpected + " " + unexpectedClass;
        }
    }
}
