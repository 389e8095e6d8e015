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

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
    private ObjectOutputStream longStream;
    private Payloads.Quote quote;
    private Payloads.Book book;
    private byte[] quoteBytes;
    private byte[] bookBytes;

    @Setup
    public void setUp() throws IOException {
        quote = Payloads.quote();
        book = Payloads.book();
        longStream = new ObjectOutputStream(buffer);
        quoteBytes = serialize(quote);
        bookBytes = serialize(book);
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

    @Benchmark
    public Object readGraph() throws IOException, ClassNotFoundException {
        return new ObjectInputStream(new ByteArrayInputStream(bookBytes)).readObject();
    }

    /** Sizes of the payloads, for the README. */
    public static void main(String[] args) throws IOException {
        System.out.println("small " + serialize(Payloads.quote()).length + " B, graph " + serialize(Payloads.book()).length + " B");
    }
}
