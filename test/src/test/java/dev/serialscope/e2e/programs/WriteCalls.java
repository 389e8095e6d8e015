package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Color;
import dev.serialscope.e2e.programs.Fixtures.Person;
import dev.serialscope.e2e.programs.Fixtures.Point;
import dev.serialscope.e2e.programs.Fixtures.TaggingOutputStream;
import java.nio.file.Path;

/**
 * Top-level ObjectOutputStream calls of every kind, each case on its own thread and stream, each
 * call logged with the size delta the stream really saw. The object and descriptor counts are
 * those of the event contract: new handles for objects, arrays, strings, enum constants and
 * Class objects (not descriptors, not field type strings, not back-references or nulls), and new
 * class descriptors including superclass descriptors; null where the contract is not precise.
 *
 * <p>Argument: the expectation log file.
 */
public final class WriteCalls {

    private WriteCalls() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));

        single(log, "string", "hello", 1, 0);
        single(log, "null", null, 0, 0);
        single(log, "plain object", Fixtures.ada(), 2, 1);
        single(log, "custom writeObject", Fixtures.envelope(), 5, 1);
        single(log, "Externalizable", Fixtures.account(), 3, 2);
        single(log, "int array", new int[] {1, 2, 3}, 1, 1);
        single(log, "String array", new String[] {"a", "b"}, 3, 1);
        single(log, "2-D array", new int[][] {{1}, {2, 3}}, 3, 2);
        single(log, "enum", Color.GREEN, null, 2); // Color and java.lang.Enum
        single(log, "record", new Point(3, 4), 1, 1);
        single(log, "Class object", Point.class, 1, 1);
        single(log, "proxy", Fixtures.greeter(), null, null);
        single(log, "serializable lambda", Fixtures.serializableLambda(), null, null);
        single(log, "long string", "x".repeat(70_000), 1, 0); // TC_LONGSTRING
        single(log, "large graph", Fixtures.largeGraph(), null, null);

        CaseThread.run("back reference", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "back reference");
            Person ada = Fixtures.ada();
            out.writeObject(ada, 2, 1);
            out.writeObject(ada, 0, 0); // a 5-byte TC_REFERENCE
        });
        CaseThread.run("reset", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "reset");
            Person ada = Fixtures.ada();
            out.writeObject(ada, 2, 1);
            out.reset(); // TC_RESET is written here, between the calls
            out.writeObject(ada, 2, 1);
        });
        CaseThread.run("writeUnshared", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "writeUnshared");
            Person ada = Fixtures.ada();
            out.writeUnshared(ada, 2, 1);
            out.writeUnshared(ada, 1, 0); // the person again, but its name and descriptor are shared
        });
        CaseThread.run("primitives before", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "primitives before");
            out.writeInt(42);
            out.writeUTF("header");
            out.writeObject(Fixtures.ada(), 2, 1);
            out.writeLong(7);
            out.writeObject("tail", 1, 0);
        });
        CaseThread.run("long block data before", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "long block data before");
            out.write(new byte[1_500]); // 1024 bytes leave as a block now, 476 wait under a 5-byte header
            out.writeObject(Fixtures.ada(), 2, 1);
        });
        CaseThread.run("ObjectOutputStream subclass", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "ObjectOutputStream subclass", TaggingOutputStream::new);
            out.writeObject(Fixtures.ada(), 2, 1); // the descriptor's annotation is part of the call
            out.writeObject(Fixtures.account(), 2, 1); // Person's descriptor and the name "Ada" are already there
        });
    }

    private static void single(ExpectationLog log, String name, Object root, Integer objects, Integer descriptors)
            throws InterruptedException {
        CaseThread.run(name, () -> new MeasuredOutput(log, name).writeObject(root, objects, descriptors));
    }
}
