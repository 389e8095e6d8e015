package dev.serialscope.bench;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The objects the benchmarks serialize: a small message and a graph of about 10 KB. */
final class Payloads {

    private Payloads() {
    }

    /** A small flat message. */
    static final class Quote implements Serializable {
        private static final long serialVersionUID = 1L;
        final long id;
        final int price;

        Quote(long id, int price) {
            this.id = id;
            this.price = price;
        }
    }

    /** An order book of nested maps and lists, a typical replicated-state object. */
    static final class Book implements Serializable {
        private static final long serialVersionUID = 1L;
        final Map<String, List<Quote>> quotesBySymbol = new HashMap<>();
    }

    static Quote quote() {
        return new Quote(42, 1234);
    }

    static Book book() {
        Book book = new Book();
        for (int s = 0; s < 20; s++) {
            List<Quote> quotes = new ArrayList<>();
            for (int q = 0; q < 25; q++) {
                quotes.add(new Quote(s * 100L + q, q));
            }
            book.quotesBySymbol.put("SYM" + s, quotes);
        }
        return book;
    }
}
