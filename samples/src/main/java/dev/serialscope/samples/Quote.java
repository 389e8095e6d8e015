package dev.serialscope.samples;

import java.io.Serializable;

/** The small message of the socket samples: a few dozen bytes of payload. */
record Quote(int sequence, String symbol, long priceCents) implements Serializable {

    private static final String[] SYMBOLS = {"ACME", "GLOBEX", "INITECH", "UMBRELLA", "HOOLI"};

    /** A deterministic, distinct quote per sequence number. */
    static Quote number(int sequence) {
        return new Quote(sequence, SYMBOLS[sequence % SYMBOLS.length], 10_000 + 37L * sequence);
    }
}
