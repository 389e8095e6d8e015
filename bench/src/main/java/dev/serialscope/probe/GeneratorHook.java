package dev.serialscope.probe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

import jdk.jfr.Event;

/**
 * Used only by {@code dev.serialscope.bench.RecordingGenerator}: commits an event from inside a real
 * {@code ObjectOutputStream.writeObject} (or {@code ObjectInputStream.readObject}), so that the stack traces
 * of generated recordings have the agent's shape: frames of {@code dev.serialscope.probe}, then
 * {@code java.io}, then the call site. It lives in the agent's package so that the rules skip its frames,
 * as they skip the agent's.
 */
public final class GeneratorHook implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Event> PENDING = new ThreadLocal<>();
    private static final byte[] SERIALIZED = serialized();

    /** One stream per thread, reset after every call: like an application that reuses its stream. */
    private static final ThreadLocal<ObjectOutputStream> OUT = ThreadLocal.withInitial(() -> {
        try {
            return new ObjectOutputStream(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private static final GeneratorHook HOOK = new GeneratorHook();

    private GeneratorHook() {
    }

    /** Commits the event from inside ObjectOutputStream.writeObject. */
    public static void write(Event event) {
        event.begin();
        PENDING.set(event);
        try {
            ObjectOutputStream out = OUT.get();
            out.writeObject(HOOK);
            out.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            PENDING.remove();
        }
    }

    /** Commits the event from inside ObjectInputStream.readObject. */
    public static void read(Event event) {
        event.begin();
        PENDING.set(event);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(SERIALIZED))) {
            in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            PENDING.remove();
        }
    }

    private static byte[] serialized() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new GeneratorHook());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        commitPending();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        commitPending();
    }

    private static void commitPending() {
        Event event = PENDING.get();
        if (event != null) {
            event.commit();
        }
    }
}
