package dev.serialscope.probe.javaserial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.serialscope.boot.CountingOutputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamInternalsTest {

    /** Two lists written on one stream, and where each call's bytes begin and end in the array. */
    private static final class Written {
        final byte[] bytes;
        final int[] ends = new int[3];

        Written() throws IOException {
            ByteArrayOutputStream array = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(array)) {
                out.flush();
                ends[0] = array.size();
                for (int call = 1; call <= 2; call++) {
                    List<Integer> list = new ArrayList<>();
                    for (int i = 0; i < 100 * call; i++) {
                        list.add(i);
                    }
                    out.writeObject(list);
                    out.flush();
                    ends[call] = array.size();
                }
            }
            bytes = array.toByteArray();
        }

        long fingerprint(int call) {
            return CountingOutputStream.fingerprint(bytes, ends[call - 1], ends[call] - ends[call - 1]);
        }
    }

    @Test
    void aReadFromAByteArrayIsFingerprintedOverTheBytesItConsumed() throws Exception {
        Written written = new Written();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(written.bytes))) {
            for (int call = 1; call <= 2; call++) {
                long before = StreamInternals.bytesRead(in);
                in.readObject();
                long consumed = StreamInternals.bytesRead(in) - before;
                assertEquals(written.ends[call] - written.ends[call - 1], consumed);
                assertEquals(written.fingerprint(call), StreamInternals.consumedHash(in, consumed));
            }
        }
        assertNotEquals(written.fingerprint(1), written.fingerprint(2));
    }

    @Test
    void otherSourcesHaveNoFingerprint() throws Exception {
        Written written = new Written();
        // The buffer reads ahead: what the ByteArrayInputStream has given up is not what the call consumed.
        try (ObjectInputStream in = new ObjectInputStream(
                new BufferedInputStream(new ByteArrayInputStream(written.bytes)))) {
            long before = StreamInternals.bytesRead(in);
            in.readObject();
            assertEquals(0, StreamInternals.consumedHash(in, StreamInternals.bytesRead(in) - before));
        }
    }
}
