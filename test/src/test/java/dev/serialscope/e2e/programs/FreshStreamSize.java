package dev.serialscope.e2e.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/**
 * The bytes a first writeObject of an object takes on a fresh stream, for channels whose growth
 * the program cannot observe (sockets, pipes). Serialization is deterministic, so the same object
 * on another fresh stream takes the same bytes. Call it outside case threads: it serializes.
 */
public final class FreshStreamSize {

    private FreshStreamSize() {
    }

    public static long of(Object root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectOutputStream out = new ObjectOutputStream(bytes);
        int header = bytes.size();
        out.writeObject(root);
        return bytes.size() - header;
    }
}
