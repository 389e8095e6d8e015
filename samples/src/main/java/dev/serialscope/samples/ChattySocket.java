package dev.serialscope.samples;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An ObjectOutputStream straight on a socket's output stream, writing orders that hold a list of
 * lines: every switch between block data and object data (ArrayList's custom writeObject does one
 * per element) drains the stream's small buffer into the socket, so one order becomes dozens of
 * tiny socket writes, each a system call. The receiver reads through a BufferedInputStream and is
 * fine. The fix: {@code new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream()))}
 * and one flush per message.
 */
public final class ChattySocket {

    private static final int ORDERS = 2_000;

    record Line(String sku, int quantity) implements Serializable {
    }

    static final class Order implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<Line> lines = new ArrayList<>();
    }

    private ChattySocket() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService receiverThread = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Integer> received = receiverThread.submit(() -> receive(server));
            try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
                 ObjectOutputStream out = new ObjectOutputStream(socket.getOutputStream())) {
                for (int i = 0; i < ORDERS; i++) {
                    Order order = new Order();
                    for (int line = 0; line < 10; line++) {
                        order.lines.add(new Line("SKU-" + (i + line), 1 + line));
                    }
                    out.writeObject(order);
                    out.reset();
                }
                out.flush();
            }
            System.out.printf("ChattySocket: sent %d orders straight on the socket stream of loopback port %d;"
                    + " receiver got %d lines%n", ORDERS, server.getLocalPort(), received.get());
        } finally {
            receiverThread.shutdown();
        }
    }

    private static int receive(ServerSocket server) throws IOException, ClassNotFoundException {
        try (Socket connection = server.accept();
             InputStream buffered = new BufferedInputStream(connection.getInputStream());
             ObjectInputStream in = new ObjectInputStream(buffered)) {
            in.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass() == Order.class
                    || info.serialClass() == Line.class || info.serialClass() == ArrayList.class
                    || info.serialClass() == String.class || info.serialClass() == Object[].class
                    ? java.io.ObjectInputFilter.Status.ALLOWED : java.io.ObjectInputFilter.Status.REJECTED);
            int lines = 0;
            for (int i = 0; i < ORDERS; i++) {
                lines += ((Order) in.readObject()).lines.size();
            }
            return lines;
        }
    }
}
