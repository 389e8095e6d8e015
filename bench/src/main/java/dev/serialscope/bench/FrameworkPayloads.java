package dev.serialscope.bench;

import com.esotericsoftware.kryo.Kryo;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages {@link FrameworkBenchmark} sends: the shapes of {@link Payloads} as plain objects
 * (public fields, no-arg constructors, which Kryo and Jackson need) and as a Protobuf {@link Struct}
 * (no generated classes, so no protoc in the build). The order book's number of symbols is chosen
 * per library so that each encodes it in about 10 KB.
 */
final class FrameworkPayloads {

    static final int QUOTES_PER_SYMBOL = 25;

    private FrameworkPayloads() {
    }

    /** A small flat message. */
    public static final class Quote {
        public long id;
        public int price;
    }

    /** An order book of nested maps and lists. */
    public static final class Book {
        public Map<String, List<Quote>> quotesBySymbol = new HashMap<>();
    }

    static Quote quote() {
        return quote(42, 1234);
    }

    private static Quote quote(long id, int price) {
        Quote quote = new Quote();
        quote.id = id;
        quote.price = price;
        return quote;
    }

    static Book book(int symbols) {
        Book book = new Book();
        for (int s = 0; s < symbols; s++) {
            List<Quote> quotes = new ArrayList<>();
            for (int q = 0; q < QUOTES_PER_SYMBOL; q++) {
                quotes.add(quote(s * 100L + q, q));
            }
            book.quotesBySymbol.put("SYM" + s, quotes);
        }
        return book;
    }

    static Struct struct(Quote quote) {
        return Struct.newBuilder()
                .putFields("id", Value.newBuilder().setNumberValue(quote.id).build())
                .putFields("price", Value.newBuilder().setNumberValue(quote.price).build())
                .build();
    }

    static Struct struct(Book book) {
        Struct.Builder struct = Struct.newBuilder();
        for (Map.Entry<String, List<Quote>> symbol : book.quotesBySymbol.entrySet()) {
            ListValue.Builder quotes = ListValue.newBuilder();
            for (Quote quote : symbol.getValue()) {
                quotes.addValues(Value.newBuilder().setStructValue(struct(quote)));
            }
            struct.putFields(symbol.getKey(), Value.newBuilder().setListValue(quotes).build());
        }
        return struct.build();
    }

    /** Registration is Kryo 5's default and what applications do; class names are then not written. */
    static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.register(Quote.class);
        kryo.register(Book.class);
        kryo.register(ArrayList.class);
        kryo.register(HashMap.class);
        return kryo;
    }
}
