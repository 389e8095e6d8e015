package dev.serialscope.samples;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.BadAttributeValueExpException;

/**
 * A receiver that reads {@value #BATCHES} batches of quotes from a socket and relies on the JVM-wide serial
 * filter ({@code -Djdk.serialFilter}) alone: the program to write that filter for with {@code serialscope
 * filter}. A batch nests what real messages nest: an array of quotes, an enum, a list of strings (an
 * ArrayList, which the JDK checks as an Object[] too). With the argument {@code gadget}, message
 * {@value #GADGET_AT} is a gadget-class object instead; a filter written from a run without it refuses it, and
 * the program says so and exits with 1.
 */
public final class QuoteFeed {

    private static final int BATCHES = 200;
    private static final int QUOTES_PER_BATCH = 5;
    private static final int GADGET_AT = 150;

    /** Where a batch was priced. */
    enum Venue { LONDON, NEW_YORK, TOKYO }

    /** One message. */
    record Batch(int number, Venue venue, Quote[] quotes, List<String> notes) implements Serializable {
    }

    private QuoteFeed() {
    }

    public static void main(String[] args) throws Exception {
        boolean gadget = args.length > 0 && args[0].equals("gadget");
        ExecutorService receiverThread = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Integer> received = receiverThread.submit(() -> receive(server));
            send(server, gadget);
            try {
                System.out.printf("QuoteFeed: the receiver read %d batches of %d quotes from loopback port %d%n",
                        received.get(), QUOTES_PER_BATCH, server.getLocalPort());
            } catch (ExecutionException e) {
                System.out.printf("QuoteFeed: the receiver refused message %d: %s%n", GADGET_AT, e.getCause());
                System.exit(1);
            }
        } finally {
            receiverThread.shutdown();
        }
    }

    private static void send(ServerSocket server, boolean gadget) throws IOException {
        try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
             ObjectOutputStream out = new ObjectOutputStream(socket.getOutputStream())) {
            for (int i = 0; i < BATCHES; i++) {
                out.writeObject(gadget && i == GADGET_AT ? new BadAttributeValueExpException("not a batch") : batch(i));
            }
        } catch (IOException e) {
            // The receiver refused a message and closed the connection: what follows has nobody to read it.
        }
    }

    private static Batch batch(int number) {
        Quote[] quotes = new Quote[QUOTES_PER_BATCH];
        for (int i = 0; i < quotes.length; i++) {
            quotes[i] = Quote.number(number * QUOTES_PER_BATCH + i);
        }
        List<String> notes = new ArrayList<>(List.of("batch " + number));
        return new Batch(number, Venue.values()[number % Venue.values().length], quotes, notes);
    }

    private static int receive(ServerSocket server) throws IOException, ClassNotFoundException {
        try (Socket connection = server.accept();
             ObjectInputStream in = new ObjectInputStream(connection.getInputStream())) {
            int batches = 0;
            for (int i = 0; i < BATCHES; i++) {
                if (in.readObject() instanceof Batch) {
                    batches++;
                }
            }
            return batches;
        }
    }
}
