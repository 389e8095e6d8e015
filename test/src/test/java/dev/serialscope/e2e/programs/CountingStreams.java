package dev.serialscope.e2e.programs;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What the test programs measure on their own streams, to compare with the recording. Filter
 * streams, so that the agent looks through them to the channel below.
 */
public final class CountingStreams {

    private CountingStreams() {
    }

    /** Counts the bytes written to the stream below it. */
    public static final class Out extends FilterOutputStream {
        public long count;

        public Out(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Counts the bytes taken from the stream below it. */
    public static final class In extends FilterInputStream {
        public long count;

        public In(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
