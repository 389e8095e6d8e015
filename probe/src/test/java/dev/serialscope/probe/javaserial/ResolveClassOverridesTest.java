package dev.serialscope.probe.javaserial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.rmi.MarshalledObject;
import org.junit.jupiter.api.Test;

/** The streams are the ones the JDK and Kryo really read with, caught by the object they read. */
class ResolveClassOverridesTest {

    /** Keeps the stream that reads it. */
    static final class Caught implements Serializable {
        private static final long serialVersionUID = 1L;
        static ObjectInputStream stream;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            stream = in;
        }
    }

    /** A look-ahead stream: resolveClass allows one class only. */
    static final class AllowListStream extends ObjectInputStream {
        AllowListStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (!desc.getName().equals(Caught.class.getName())) {
                throw new InvalidClassException(desc.getName(), "not allowed");
            }
            return super.resolveClass(desc);
        }
    }

    @Test
    void rmiStreamsOnlyLoadClassesSoTheyDoNotGuard() throws Exception {
        new MarshalledObject<>(new Caught()).get();
        // A subclass of RMI's MarshalInputStream, as RMI's ConnectionInputStream is.
        assertEquals("java.rmi.MarshalledObject$MarshalledObjectInputStream", Caught.stream.getClass().getName());
        assertFalse(ResolveClassOverrides.of(Caught.stream));
    }

    @Test
    void kryosJavaSerializerStreamOnlyPicksAClassLoader() {
        Kryo kryo = new Kryo();
        kryo.register(Caught.class, new JavaSerializer());
        Output output = new Output(1024, -1);
        kryo.writeObject(output, new Caught());
        kryo.readObject(new Input(output.toBytes()), Caught.class);
        assertEquals("com.esotericsoftware.kryo.serializers.JavaSerializer$ObjectInputStreamWithKryoClassLoader",
                Caught.stream.getClass().getName());
        assertFalse(ResolveClassOverrides.of(Caught.stream));
    }

    @Test
    void anUnlistedOverrideGuardsAndThePlainStreamDoesNot() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Caught());
        }
        try (ObjectInputStream guarded = new AllowListStream(new ByteArrayInputStream(bytes.toByteArray()));
             ObjectInputStream plain = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertTrue(ResolveClassOverrides.of(guarded));
            assertFalse(ResolveClassOverrides.of(plain));
        }
    }
}
