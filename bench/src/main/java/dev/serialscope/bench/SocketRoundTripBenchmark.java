package dev.serialscope.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A small message sent over a loopback socket and echoed back, each side on one long-lived stream:
 * two top-level writes and two top-level reads per operation, plus the network stack.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SocketRoundTripBenchmark {

    private ServerSocket server;
    private Socket client;
    private Thread echo;
    private ObjectOutputStream out;
    private ObjectInputStream in;
    private Payloads.Quote quote;

    @Setup(Level.Trial)
    public void connect() throws IOException {
        quote = Payloads.quote();
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        echo = new Thread(this::echoUntilClosed, "echo");
        echo.setDaemon(true);
        echo.start();
        client = new Socket(server.getInetAddress(), server.getLocalPort());
        client.setTcpNoDelay(true);
        out = new ObjectOutputStream(new BufferedOutputStream(client.getOutputStream()));
        out.flush();
        in = new ObjectInputStream(new BufferedInputStream(client.getInputStream()));
    }

    private void echoUntilClosed() {
        try (Socket peer = server.accept()) {
            peer.setTcpNoDelay(true);
            ObjectOutputStream peerOut = new ObjectOutputStream(new BufferedOutputStream(peer.getOutputStream()));
            peerOut.flush();
            ObjectInputStream peerIn = new ObjectInputStream(new BufferedInputStream(peer.getInputStream()));
            while (true) {
                peerOut.writeObject(peerIn.readObject());
                peerOut.reset();
                peerOut.flush();
            }
        } catch (IOException | ClassNotFoundException closed) {
            // the benchmark closed the connection
        }
    }

    @Benchmark
    public Object roundTripSmall() throws IOException, ClassNotFoundException {
        out.writeObject(quote);
        out.reset();
        out.flush();
        return in.readObject();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, InterruptedException {
        client.close();
        server.close();
        echo.join(1000);
    }
}
