package dev.serialscope.bench;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import com.google.protobuf.Struct;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One top-level Kryo 5, Jackson 2 or Protobuf call per operation, each one the agent records as a
 * call of its own: Kryo's writeClassAndObject to a reused Output and readClassAndObject from a reused
 * Input, Jackson's ObjectMapper.writeValueAsBytes and readValue(byte[]), Protobuf's toByteArray and
 * parser().parseFrom(byte[]). Small is one quote, graph an order book of about 10 KB in each encoding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameworkBenchmark {

    /** Symbols of 25 quotes each: about 10 KB in each library's encoding (see {@link #main}). */
    static final int KRYO_GRAPH_SYMBOLS = 110;
    static final int JACKSON_GRAPH_SYMBOLS = 18;
    static final int PROTOBUF_GRAPH_SYMBOLS = 10;

    private final Kryo kryo = FrameworkPayloads.kryo();
    private final Output kryoOutput = new Output(64 * 1024);
    private final Input kryoInput = new Input();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Parser<Struct> structParser = Struct.parser();

    private FrameworkPayloads.Quote quote;
    private FrameworkPayloads.Book kryoBook;
    private FrameworkPayloads.Book jacksonBook;
    private Struct quoteStruct;
    private Struct bookStruct;
    private byte[] kryoQuoteBytes;
    private byte[] kryoBookBytes;
    private byte[] jacksonQuoteBytes;
    private byte[] jacksonBookBytes;
    private byte[] protobufQuoteBytes;
    private byte[] protobufBookBytes;

    @Setup
    public void setUp() throws IOException {
        quote = FrameworkPayloads.quote();
        kryoBook = FrameworkPayloads.book(KRYO_GRAPH_SYMBOLS);
        jacksonBook = FrameworkPayloads.book(JACKSON_GRAPH_SYMBOLS);
        quoteStruct = FrameworkPayloads.struct(quote);
        bookStruct = FrameworkPayloads.struct(FrameworkPayloads.book(PROTOBUF_GRAPH_SYMBOLS));
        kryoQuoteBytes = kryoBytes(quote);
        kryoBookBytes = kryoBytes(kryoBook);
        jacksonQuoteBytes = mapper.writeValueAsBytes(quote);
        jacksonBookBytes = mapper.writeValueAsBytes(jacksonBook);
        protobufQuoteBytes = quoteStruct.toByteArray();
        protobufBookBytes = bookStruct.toByteArray();
    }

    private byte[] kryoBytes(Object message) {
        kryoOutput.reset();
        kryo.writeClassAndObject(kryoOutput, message);
        return kryoOutput.toBytes();
    }

    @Benchmark
    public int kryoWriteSmall() {
        kryoOutput.reset();
        kryo.writeClassAndObject(kryoOutput, quote);
        return kryoOutput.position();
    }

    @Benchmark
    public int kryoWriteGraph() {
        kryoOutput.reset();
        kryo.writeClassAndObject(kryoOutput, kryoBook);
        return kryoOutput.position();
    }

    @Benchmark
    public Object kryoReadSmall() {
        kryoInput.setBuffer(kryoQuoteBytes);
        return kryo.readClassAndObject(kryoInput);
    }

    @Benchmark
    public Object kryoReadGraph() {
        kryoInput.setBuffer(kryoBookBytes);
        return kryo.readClassAndObject(kryoInput);
    }

    @Benchmark
    public byte[] jacksonWriteSmall() throws IOException {
        return mapper.writeValueAsBytes(quote);
    }

    @Benchmark
    public byte[] jacksonWriteGraph() throws IOException {
        return mapper.writeValueAsBytes(jacksonBook);
    }

    @Benchmark
    public Object jacksonReadSmall() throws IOException {
        return mapper.readValue(jacksonQuoteBytes, FrameworkPayloads.Quote.class);
    }

    @Benchmark
    public Object jacksonReadGraph() throws IOException {
        return mapper.readValue(jacksonBookBytes, FrameworkPayloads.Book.class);
    }

    @Benchmark
    public byte[] protobufWriteSmall() {
        return quoteStruct.toByteArray();
    }

    @Benchmark
    public byte[] protobufWriteGraph() {
        return bookStruct.toByteArray();
    }

    @Benchmark
    public Struct protobufReadSmall() throws InvalidProtocolBufferException {
        return structParser.parseFrom(protobufQuoteBytes);
    }

    @Benchmark
    public Struct protobufReadGraph() throws InvalidProtocolBufferException {
        return structParser.parseFrom(protobufBookBytes);
    }

    /** Sizes of the messages, for the README and to check the graph counts. */
    public static void main(String[] args) throws IOException {
        FrameworkBenchmark benchmark = new FrameworkBenchmark();
        benchmark.setUp();
        System.out.println("kryo: small " + benchmark.kryoQuoteBytes.length + " B, graph " + benchmark.kryoBookBytes.length + " B");
        System.out.println("jackson: small " + benchmark.jacksonQuoteBytes.length + " B, graph " + benchmark.jacksonBookBytes.length + " B");
        System.out.println("protobuf: small " + benchmark.protobufQuoteBytes.length + " B, graph " + benchmark.protobufBookBytes.length + " B");
    }
}
