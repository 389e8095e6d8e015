package dev.serialscope.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Deep copy through serialization, done for every request on the same cached object: the same
 * object (same identity, same bytes) is serialized and deserialized again and again. The fix:
 * share an immutable copy, or copy once and cache the copy.
 */
public final class RepeatedObject {

    private static final int REQUESTS = 300;

    record PriceListEntry(String sku, long priceCents) implements Serializable {
    }

    static final class PriceList implements Serializable {
        final List<PriceListEntry> entries = new ArrayList<>();
    }

    private RepeatedObject() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        PriceList cached = new PriceList();
        for (int i = 0; i < 200; i++) {
            cached.entries.add(new PriceListEntry("SKU-" + i, 199L + 10L * i));
        }
        long checksum = 0;
        for (int request = 0; request < REQUESTS; request++) {
            PriceList copy = deepCopy(cached);
            checksum += copy.entries.get(request % copy.entries.size()).priceCents();
        }
        System.out.printf("RepeatedObject: deep-copied the same %d-entry price list %d times; checksum %d%n",
                cached.entries.size(), REQUESTS, checksum);
    }

    private static PriceList deepCopy(PriceList original) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PriceList) in.readObject();
        }
    }
}
