package dev.serialscope.e2e.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jdk.jfr.Recording;

/**
 * Copies a few objects through serialization in memory (a list of integers, a primitive array, a nested
 * String array, a dynamic proxy, a serializable lambda), then starts and stops a second recording, which makes JFR begin a new
 * chunk of the recording started on the command line, and reads nothing more. Prints "ClassSetChunks: read
 * N objects, then began a new chunk".
 */
public final class ClassSetChunks {

    /** The proxy's interface. */
    public interface Greeter {
        String greet();
    }

    /** The proxy's handler: serializable, so the proxy is. */
    static final class FixedGreeting implements InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return "hello";
        }
    }

    private ClassSetChunks() {
    }

    public static void main(String[] args) throws Exception {
        Object greeter = Proxy.newProxyInstance(ClassSetChunks.class.getClassLoader(), new Class<?>[] {Greeter.class},
                new FixedGreeting());
        Supplier<String> lambda = (Supplier<String> & Serializable) () -> "hi";
        List<Object> messages = List.of(new ArrayList<>(List.of(1, 2, 3)), new int[7], new String[][] {{"a", "b"}},
                greeter, lambda);
        int read = 0;
        for (Object message : messages) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(message);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                in.readObject();
                read++;
            }
        }
        if (!((Greeter) greeter).greet().equals("hello")) {
            throw new IllegalStateException("the proxy lost its handler");
        }
        try (Recording second = new Recording()) {
            second.start();
            second.stop();
        }
        System.out.println("ClassSetChunks: read " + read + " objects, then began a new chunk");
    }
}
