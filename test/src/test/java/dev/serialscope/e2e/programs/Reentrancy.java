package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Person;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialization inside serialization: a custom writeObject (readObject) that opens another stream
 * and makes a top-level call on it; a class whose static initializer serializes, initialized in
 * the middle of a call; and a class defined by a new class loader while an ObjectInputStream
 * resolves it. Both the outer and the inner calls are top-level calls on their own streams, so
 * each must have its event with its exact bytes; the outer call's bytes include the inner bytes it
 * copied. Calls are logged in the order they started (outer, then inner).
 *
 * <p>Argument: the expectation log file.
 */
public final class Reentrancy {

    /** Inner calls made during the current outer call, logged after it. */
    private static final ThreadLocal<List<ExpectedCall>> PENDING = ThreadLocal.withInitial(ArrayList::new);
    private static int innerStreams;

    /** Serializes its payload on a stream of its own and writes the bytes. */
    static final class Wrapper implements Serializable {
        transient Object payload;

        Wrapper(Object payload) {
            this.payload = payload;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeObject(innerWrite(payload));
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            payload = innerRead((byte[]) in.readObject());
        }
    }

    /** Initialized inside a writeObject: its initializer makes a top-level call on another stream. */
    static final class LazilyInitialized {
        static final byte[] BYTES;

        static {
            try {
                BYTES = innerWrite(new Person("Static", 1));
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private LazilyInitialized() {
        }
    }

    static final class Trigger implements Serializable {
        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeInt(LazilyInitialized.BYTES.length);
        }
    }

    /** Read back in a class loader of its own, defined while the ObjectInputStream resolves it. */
    public static final class Isolated implements Serializable {
        int value = 7;
    }

    private Reentrancy() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));
        byte[][] written = new byte[1][];
        CaseThread.run("nested write", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "outer");
            out.writeObject(new Wrapper(Fixtures.ada()), null, null);
            flush(log);
            out.writeObject(new Wrapper(Fixtures.envelope()), null, null);
            flush(log);
            written[0] = out.toByteArray();
        });
        CaseThread.run("nested read", () -> {
            MeasuredInput in = new MeasuredInput(log, "outer read", written[0]);
            Wrapper first = (Wrapper) in.readObject(null, null);
            flush(log);
            Wrapper second = (Wrapper) in.readObject(null, null);
            flush(log);
            System.out.println("nested payloads " + first.payload.getClass().getSimpleName() + ", "
                    + second.payload.getClass().getSimpleName());
        });
        CaseThread.run("class initialized during a write", () -> {
            new MeasuredOutput(log, "trigger").writeObject(new Trigger(), null, null);
            flush(log);
        });
        CaseThread.run("class defined during a read", () -> {
            MeasuredOutput out = new MeasuredOutput(log, "isolated out");
            out.writeObject(new Isolated(), 1, 1);
            Object back = new MeasuredInput(log, "isolated in", out.toByteArray(), IsolatingInput::new).readObject(1, 1);
            System.out.println("isolated class loaded by a new loader: "
                    + (back.getClass() != Isolated.class && back.getClass().getName().equals(Isolated.class.getName())));
        });
    }

    private static void flush(ExpectationLog log) {
        PENDING.get().forEach(log::add);
        PENDING.get().clear();
    }

    static byte[] innerWrite(Object payload) throws IOException {
        String label = "inner " + (++innerStreams);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectOutputStream out = new ObjectOutputStream(bytes);
        int start = bytes.size();
        out.writeObject(payload);
        byte[] content = bytes.toByteArray();
        long hash = Fingerprint.of(content, start, content.length);
        PENDING.get().add(new ExpectedCall(ExpectedCall.SELF, Thread.currentThread().getName(), ExpectedCall.SERIALIZATION,
                payload.getClass().getName(), (long) content.length - start, null, null,
                System.identityHashCode(payload), "memory", hash, label, "", null));
        return content;
    }

    static Object innerRead(byte[] content) throws IOException, ClassNotFoundException {
        String label = "inner read " + (++innerStreams);
        ByteArrayInputStream bytes = new ByteArrayInputStream(content);
        ObjectInputStream in = new ObjectInputStream(bytes);
        int start = content.length - bytes.available();
        Object payload = in.readObject();
        int end = content.length - bytes.available();
        PENDING.get().add(new ExpectedCall(ExpectedCall.SELF, Thread.currentThread().getName(),
                ExpectedCall.DESERIALIZATION, payload.getClass().getName(), (long) end - start, null,
                null, System.identityHashCode(payload), "memory", Fingerprint.of(content, start, end), label, "", false));
        return payload;
    }

    /** Resolves {@link Isolated} in a new class loader that defines it from its class file. */
    static final class IsolatingInput extends ObjectInputStream {
        IsolatingInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (!desc.getName().equals(Isolated.class.getName())) {
                return super.resolveClass(desc);
            }
            ClassLoader parent = Reentrancy.class.getClassLoader();
            return new ClassLoader(parent) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (!name.equals(Isolated.class.getName())) {
                        return super.loadClass(name, resolve);
                    }
                    try (InputStream code = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = code.readAllBytes();
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
            }.loadClass(desc.getName());
        }
    }
}
