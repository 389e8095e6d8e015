package dev.serialscope.probe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jdk.jfr.Event;

/**
 * Stands in for the agent in the rules' tests. The agent commits its events from dev.serialscope.probe
 * code that runs inside ObjectOutputStream.writeObject (or ObjectInputStream.readObject), so the
 * stack traces start with probe frames, then java.io frames, then the application's call site. This
 * class produces the same shape for real: it commits from a custom writeObject/readObject method
 * while a real stream is writing or reading.
 */
public final class SimulatedProbe {

    /** The event that the hook being read commits; readObject cannot take parameters. */
    private static final ThreadLocal<Event> PENDING_READ = new ThreadLocal<>();

    private static final byte[] SERIALIZED_HOOK = serializedHook();

    private SimulatedProbe() {
    }

    /** Commits the event from inside ObjectOutputStream.writeObject, after a call lasting about this long. */
    public static void write(Event event, long durationMillis) {
        event.begin();
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(new Hook(event, durationMillis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits the event from inside ObjectInputStream.readObject. */
    public static void read(Event event) {
        event.begin();
        PENDING_READ.set(event);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(SERIALIZED_HOOK))) {
            in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            PENDING_READ.remove();
        }
    }

    private static byte[] serializedHook() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Hook(null, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static final class Hook implements Serializable {
        private static final long serialVersionUID = 1L;

        private final transient Event event;
        private final transient long durationMillis;

        Hook(Event event, long durationMillis) {
            this.event = event;
            this.durationMillis = durationMillis;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            if (event != null) {
                if (durationMillis > 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(durationMillis));
                }
                event.commit();
            }
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            PENDING_READ.get().commit();
        }
    }
}
