package dev.serialscope.e2e.programs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.lang3.SerializationUtils;

/**
 * A request handler that deep-copies a shared price list with commons-lang3's SerializationUtils.clone
 * for every request, the way many services protect shared state. Prints "copied N".
 */
public final class DeepCopies {

    static final int REQUESTS = 40;

    record Price(String sku, long cents) implements Serializable {
    }

    static final class PriceList implements Serializable {
        final List<Price> prices = new ArrayList<>();
    }

    private DeepCopies() {
    }

    public static void main(String[] args) {
        PriceList shared = new PriceList();
        for (int i = 0; i < 500; i++) {
            shared.prices.add(new Price("sku-" + i, 100L + i));
        }
        long copied = 0;
        for (int request = 0; request < REQUESTS; request++) {
            copied += handleRequest(shared);
        }
        System.out.println("copied " + copied);
    }

    static int handleRequest(PriceList shared) {
        PriceList mine = SerializationUtils.clone(shared);
        return mine.prices.size() == shared.prices.size() ? 1 : 0;
    }
}
