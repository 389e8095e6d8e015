package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Holder;
import dev.serialscope.e2e.programs.Fixtures.Unserializable;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Calls that throw: NotSerializableException at the top, nested and for a plain lambda, a
 * RuntimeException from a custom writeObject, an IOException from the underlying stream, and
 * WriteAbortedException when reading what a failed write left behind; on reading also
 * InvalidClassException (a serialVersionUID that does not match), ClassNotFoundException and a
 * RuntimeException from a custom readObject. Every call is logged with the exception class the application caught, and
 * every caught exception is printed to stdout in full (class, message, stack trace, causes) so
 * that the test can compare the output with and without the agent: the application must see
 * exactly the same exception. Where the program holds the instance that was thrown, it also
 * prints whether it caught that very instance.
 *
 * <p>Argument: the expectation log file.
 */
public final class Failures {

    /** Thrown by a custom writeObject: a RuntimeException, which ObjectOutputStream passes on untouched. */
    static final class Exploding implements Serializable {
        static final IllegalStateException FAILURE = new IllegalStateException("refuses to be written");

        private void writeObject(ObjectOutputStream out) {
            throw FAILURE;
        }
    }

    /** Thrown by a custom readObject: the reader gets this very instance. */
    static final class ReadExploding implements Serializable {
        static final IllegalStateException FAILURE = new IllegalStateException("refuses to be read");

        private void readObject(java.io.ObjectInputStream in) {
            throw FAILURE;
        }
    }

    /** Accepts the stream header, then fails every write with the same exception instance. */
    public static final class FailingSink extends OutputStream {
        final IOException failure = new IOException("disk full");
        long accepted;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (accepted >= 4) {
                throw failure;
            }
            accepted += len;
        }
    }

    private Failures() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));
        byte[][] aborted = new byte[1][];

        CaseThread.run("not serializable", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "not serializable");
            print("not serializable", out.writeObjectFailing(new Unserializable()));
            out.writeObject("still usable", 1, 0); // the stream goes on; the failure cleared its handles
            aborted[0] = out.toByteArray();
        });
        CaseThread.run("nested not serializable", () -> print("nested not serializable",
                new MeasuredOutput(log, "nested not serializable").writeObjectFailing(new Holder(new Unserializable()))));
        CaseThread.run("lambda not serializable", () -> {
            Runnable lambda = () -> { };
            Exception caught = new MeasuredOutput(log, "lambda not serializable").writeObjectFailing(lambda);
            // The message names the lambda's hidden class, whose number depends on what else the JVM loaded.
            System.out.println("== lambda not serializable\n" + caught.getClass().getName() + " naming "
                    + (caught.getMessage().startsWith(Failures.class.getName() + "$$Lambda") ? "the lambda" : "?"));
        });
        CaseThread.run("custom writeObject throws", () -> {
            Exception caught = new MeasuredOutput(log, "custom writeObject throws").writeObjectFailing(new Exploding());
            print("custom writeObject throws", caught);
            System.out.println("same instance: " + (caught == Exploding.FAILURE));
        });
        CaseThread.run("underlying stream throws", () -> {
            FailingSink sink = new FailingSink();
            ObjectOutputStream out = new ObjectOutputStream(sink);
            long before = sink.accepted;
            Object root = Fixtures.ada();
            try {
                out.writeObject(root);
                throw new AssertionError("the sink did not fail");
            } catch (IOException caught) {
                log.add(new ExpectedCall(ExpectedCall.SELF, Thread.currentThread().getName(),
                        ExpectedCall.SERIALIZATION, root.getClass().getName(), sink.accepted - before, null, null,
                        System.identityHashCode(root), "unknown (" + FailingSink.class.getName() + ")", null,
                        "underlying stream throws", caught.getClass().getName(), null));
                print("underlying stream throws", caught);
                System.out.println("same instance: " + (caught == sink.failure));
            }
        });
        // Reading what the failed write left in the stream: a TC_EXCEPTION record.
        CaseThread.run("read aborted write", () -> {
            MeasuredInput in = new MeasuredInput(log, "read aborted write", aborted[0]);
            print("read aborted write", in.readObjectFailing()); // WriteAbortedException
            in.readObject(1, 0);
        });
        // A class descriptor whose serialVersionUID does not match the local class: InvalidClassException.
        CaseThread.run("read invalid class", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "invalid class source");
            out.writeObject(Fixtures.ada(), 2, 1);
            byte[] bytes = out.toByteArray();
            int uid = endOf(bytes, Fixtures.Person.class.getName());
            bytes[uid] ^= 0x55;
            print("read invalid class", new MeasuredInput(log, "read invalid class", bytes).readObjectFailing());
        });
        // A class descriptor naming a class that does not exist: ClassNotFoundException.
        CaseThread.run("read unknown class", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "unknown class source");
            out.writeObject(Fixtures.ada(), 2, 1);
            byte[] bytes = out.toByteArray();
            bytes[endOf(bytes, Fixtures.Person.class.getName()) - 1] = 'X';
            print("read unknown class", new MeasuredInput(log, "read unknown class", bytes).readObjectFailing());
        });
        CaseThread.run("custom readObject throws", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "read exploding source");
            out.writeObject(new ReadExploding(), 1, 1);
            Exception caught = new MeasuredInput(log, "custom readObject throws", out.toByteArray()).readObjectFailing();
            print("custom readObject throws", caught);
            System.out.println("same instance: " + (caught == ReadExploding.FAILURE));
        });
    }

    /** The index just after the first occurrence of {@code text} (ASCII) in {@code bytes}. */
    private static int endOf(byte[] bytes, String text) {
        byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i + wanted.length;
            }
        }
        throw new IllegalStateException(text + " not found in the stream");
    }

    private static void print(String name, Exception caught) {
        StringWriter trace = new StringWriter();
        caught.printStackTrace(new PrintWriter(trace));
        System.out.println("== " + name);
        System.out.print(trace);
        System.out.println("suppressed: " + caught.getSuppressed().length);
    }
}
