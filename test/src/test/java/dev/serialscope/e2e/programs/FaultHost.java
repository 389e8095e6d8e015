package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Envelope;
import dev.serialscope.e2e.programs.Fixtures.Person;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * The application of the fault-injection tests: every hook of the agent gets called (writes and
 * reads with class descriptors, a TC_RESET read back, a pipe to a child process, and all the failing
 * calls of {@link Failures}), and everything the application can observe goes to stdout: the
 * digest of every byte it serialized, what it read back and every exception it caught. A run with
 * a failing hook must print exactly what a run without the agent prints. Every call is logged.
 *
 * <p>Argument: the expectation log file.
 */
public final class FaultHost {

    private FaultHost() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));

        // The first write and the first read of the program; the second read meets a TC_RESET.
        CaseThread.run("reset", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "reset out");
            out.writeObject(Fixtures.ada(), 2, 1);
            out.reset();
            out.writeObject(new Person("Grace", 45), 2, 1);
            byte[] bytes = out.toByteArray();
            System.out.println("reset stream " + digest(bytes));
            MeasuredInput in = new MeasuredInput(log, "reset in", bytes);
            System.out.println("read " + describe(in.readObject(2, 1)));
            System.out.println("read after reset " + describe(in.readObject(2, 1)));
        });

        Failures.main(args);

        CaseThread.run("pipe", () -> {
            Process cat = new ProcessBuilder("cat").start();
            String channel = "pipe (child pid " + cat.pid() + ")";
            String thread = Thread.currentThread().getName();
            CountingStreams.Out sink = new CountingStreams.Out(cat.getOutputStream());
            Person ada = Fixtures.ada();
            try (ObjectOutputStream out = new ObjectOutputStream(sink)) {
                long before = sink.count;
                out.writeObject(ada);
                log.add(new ExpectedCall(ExpectedCall.SELF, thread, ExpectedCall.SERIALIZATION, Person.class.getName(),
                        sink.count - before, 2, 1, System.identityHashCode(ada), channel, null, "pipe out", "", null));
            }
            CountingStreams.In source = new CountingStreams.In(cat.getInputStream());
            ObjectInputStream in = new ObjectInputStream(source);
            long before = source.count;
            Object back = in.readObject();
            log.add(new ExpectedCall(ExpectedCall.SELF, thread, ExpectedCall.DESERIALIZATION, Person.class.getName(),
                    source.count - before, 2, 1, System.identityHashCode(back), channel, 0L, "pipe in", "", false));
            System.out.println("through the pipe " + describe(back) + ", cat exited with " + cat.waitFor());
        });

        // Both directions once more, after every hook has been called at least once.
        CaseThread.run("after", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "after out");
            out.writeObject(Fixtures.envelope(), null, null);
            out.writeObject(Fixtures.largeGraph(), null, null);
            out.writeObject(Fixtures.account(), null, null);
            byte[] bytes = out.toByteArray();
            System.out.println("after stream " + digest(bytes));
            MeasuredInput in = new MeasuredInput(log, "after in", bytes);
            System.out.println("read " + describe(in.readObject(null, null)));
            System.out.println("read " + describe(in.readObject(null, null)));
            System.out.println("read " + describe(in.readObject(null, null)));
        });
    }

    static String digest(byte[] bytes) throws Exception {
        return bytes.length + " bytes, sha-256 "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String describe(Object object) {
        if (object instanceof Person) {
            Person person = (Person) object;
            return "Person " + person.name + " " + person.age;
        }
        if (object instanceof Envelope) {
            Envelope envelope = (Envelope) object;
            return "Envelope " + envelope.label + " " + envelope.items;
        }
        if (object instanceof Map) {
            return "Map of " + ((Map<?, ?>) object).size() + " entries, hash " + object.hashCode();
        }
        return object == null ? "null" : object.getClass().getName();
    }
}
