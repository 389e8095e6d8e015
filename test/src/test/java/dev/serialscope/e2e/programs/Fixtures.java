package dev.serialscope.e2e.programs;

import java.io.Externalizable;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The object shapes the child programs serialize: one of each kind the serialization spec treats differently. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A plain class: one descriptor; the object and its name string are the two objects. */
    public static final class Person implements Serializable {
        final String name;
        final int age;

        Person(String name, int age) {
            this.name = name;
            this.age = age;
        }
    }

    public static Person ada() {
        return new Person("Ada", 36);
    }

    /**
     * Custom writeObject with nested writeObject calls and block data, including a block longer
     * than 255 bytes (TC_BLOCKDATALONG): all of it belongs to the one top-level call.
     */
    public static final class Envelope implements Serializable {
        final String label;
        transient List<String> items;

        Envelope(String label, List<String> items) {
            this.label = label;
            this.items = items;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeInt(items.size());
            for (String item : items) {
                out.writeObject(item);
            }
            out.write(new byte[600]);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            int size = in.readInt();
            items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add((String) in.readObject());
            }
            in.readFully(new byte[600]);
        }
    }

    /** Objects: the envelope, its label and three items; one descriptor. */
    public static Envelope envelope() {
        return new Envelope("batch", List.of("alpha", "beta", "gamma"));
    }

    /** Externalizable with a nested writeObject inside writeExternal. */
    public static final class Account implements Externalizable {
        private String owner;
        private Person holder;

        public Account() {
        }

        Account(String owner, Person holder) {
            this.owner = owner;
            this.holder = holder;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeUTF(owner);
            out.writeObject(holder);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
            owner = in.readUTF();
            holder = (Person) in.readObject();
        }
    }

    /** Objects: the account, the person and the person's name; descriptors: Account and Person. */
    public static Account account() {
        return new Account("ACME", ada());
    }

    public enum Color { RED, GREEN }

    public record Point(int x, int y) implements Serializable {
    }

    public interface Greeter {
        String greet(String name);
    }

    private static final class GreetingHandler implements InvocationHandler, Serializable {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return "hello " + args[0];
        }
    }

    public static Greeter greeter() {
        return (Greeter) Proxy.newProxyInstance(Greeter.class.getClassLoader(), new Class<?>[] {Greeter.class},
                new GreetingHandler());
    }

    /** Written as a java.lang.invoke.SerializedLambda through writeReplace. */
    public static Supplier<String> serializableLambda() {
        return (Supplier<String> & Serializable) () -> "from a serialized lambda";
    }

    /** Big enough that the stream's 1 KiB block buffer is flushed many times inside the call. */
    public static Map<Integer, String> largeGraph() {
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            map.put(i, "value " + i);
        }
        return map;
    }

    /**
     * A stream subclass of the kind RMI and many frameworks use: it annotates every class
     * descriptor with block data (here a tag), which belongs to the call that writes the descriptor.
     */
    public static final class TaggingOutputStream extends ObjectOutputStream {
        public TaggingOutputStream(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            writeUTF("tag:" + type.getSimpleName());
        }
    }

    /** Reads what {@link TaggingOutputStream} writes, resolving classes itself as frameworks do. */
    public static final class TagReadingInputStream extends ObjectInputStream {
        public TagReadingInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            readUTF();
            return Class.forName(desc.getName(), false, Fixtures.class.getClassLoader());
        }
    }

    /** Not Serializable: writing it throws NotSerializableException. */
    public static final class Unserializable {
    }

    /** Serializable itself, but holding something that is not: the failure comes from a nested write. */
    public static final class Holder implements Serializable {
        final Object payload;

        public Holder(Object payload) {
            this.payload = payload;
        }
    }
}
