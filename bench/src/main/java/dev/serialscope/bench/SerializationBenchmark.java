package dev.serialscope.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Top-level ObjectOutputStream/ObjectInputStream calls, the unit the agent instruments: each
 * benchmark is one call (plus, for "fresh", the stream's construction and header).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializationBenchmark {

    /** Quotes in the long stream that readSmallLongStream reads from, before it opens it again. */
    private static final int QUOTES_PER_STREAM = 100_000;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
    private ObjectOutputStream longStream;
    private Payloads.Quote quote;
    private Payloads.Book book;
    private byte[] quoteBytes;
    private byte[] bookBytes;
    private byte[] quoteStreamBytes;
    private ObjectInputStream quoteStream;
    private int quotesLeft;

    @Setup
    public void setUp() throws IOException {
        quote = Payloads.quote();
        book = Payloads.book();
        longStream = new ObjectOutputStream(buffer);
        quoteBytes = serialize(quote);
        bookBytes = serialize(book);
        ByteArrayOutputStream quotes = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(quotes)) {
            for (int i = 0; i < QUOTES_PER_STREAM; i++) {
                stream.writeObject(new Payloads.Quote(i, 1234));
            }
        }
        quoteStreamBytes = quotes.toByteArray();
    }

    private static byte[] serialize(Object object) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(object);
        }
        return out.toByteArray();
    }

    @Benchmark
    public int writeSmallFreshStream() throws IOException {
        buffer.reset();
        new ObjectOutputStream(buffer).writeObject(quote);
        return buffer.size();
    }

    @Benchmark
    public int writeSmallLongStream() throws IOException {
        buffer.reset();
        longStream.writeObject(quote);
        longStream.reset();
        return buffer.size();
    }

    @Benchmark
    public int writeGraphFreshStream() throws IOException {
        buffer.reset();
        new ObjectOutputStream(buffer).writeObject(book);
        return buffer.size();
    }

    @Benchmark
    public int writeGraphLongStream() throws IOException {
        buffer.reset();
        longStream.writeObject(book);
        longStream.reset();
        return buffer.size();
    }

    @Benchmark
    public Object readSmall() throws IOException, ClassNotFoundException {
        return new ObjectInputStream(new ByteArrayInputStream(quoteBytes)).readObject();
    }

    /** A distinct small message from a long-lived stream: its class descriptor arrived with the first one. */
    @Benchmark
    public Object readSmallLongStream() throws IOException, ClassNotFoundException {
        if (quotesLeft == 0) {
            quoteStream = new ObjectInputStream(new ByteArrayInputStream(quoteStreamBytes));
            quotesLeft = QUOTES_PER_STREAM;
        }
        quotesLeft--;
        return quoteStream.readObject();
    }

    @Benchmark
    public Object readGraph() throws IOException, ClassNotFoundException {
        return new ObjectInputStream(new ByteArrayInputStream(bookBytes)).readObject();
    }

    /** Sizes of the payloads, for the README. */
    public static void main(String[] args) throws IOException {
        System.out.println("small " + serialize(Payloads.quote()).length + " B, graph " + serialize(Payloads.book()).length + " B");
    }
}
