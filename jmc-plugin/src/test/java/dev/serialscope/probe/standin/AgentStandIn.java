package dev.serialscope.probe.standin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationCallEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;

/**
 * Does what the SerialScope agent does around a top-level call, without instrumentation: really serializes
 * (or deserializes) the object and commits the real event classes with the measured bytes and time. It sits in
 * the agent's package so that call-site detection skips its frames exactly as it skips the agent's, and the
 * call site is the application method that called it.
 */
public final class AgentStandIn {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static final Map<String, SerializationStatisticsEvent> STATISTICS = new HashMap<>();

    private AgentStandIn() {
    }

    public static synchronized byte[] writeObject(Object root, String channel) {
        SerializationEvent event = new SerializationEvent();
        long start = System.nanoTime();
        event.begin();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.end();
        byte[] bytes = buffer.toByteArray();
        describe(event, root, bytes.length, channel, buffer);
        event.contentHash = fnv1a(bytes);
        event.commit();
        count(SerializationStatisticsEvent.WRITE, root.getClass(), bytes.length, System.nanoTime() - start);
        return bytes;
    }

    public static synchronized Object readObject(byte[] bytes, String channel) {
        DeserializationEvent event = new DeserializationEvent();
        long start = System.nanoTime();
        event.begin();
        ByteArrayInputStream buffer = new ByteArrayInputStream(bytes);
        Object root;
        try (ObjectInputStream in = new ObjectInputStream(buffer)) {
            root = in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        event.end();
        describe(event, root, bytes.length, channel, buffer);
        event.commit();
        count(SerializationStatisticsEvent.READ, root.getClass(), bytes.length, System.nanoTime() - start);
        return root;
    }

    /** Commits the statistics rows the agent writes at the end of each period, then starts a new period. */
    public static synchronized void flushStatistics() {
        STATISTICS.values().forEach(SerializationStatisticsEvent::commit);
        STATISTICS.clear();
    }

    private static void describe(SerializationCallEvent event, Object root, long bytes, String channel,
            Object stream) {
        event.framework = "java";
        event.rootClass = root.getClass();
        event.bytes = bytes;
        event.identity = System.identityHashCode(root);
        event.channel = channel;
        event.streamId = System.identityHashCode(stream);
        event.failure = "";
    }

    private static void count(String direction, Class<?> rootClass, long bytes, long nanos) {
        SerializationStatisticsEvent row = STATISTICS.computeIfAbsent(direction + rootClass.getName(), key -> {
            SerializationStatisticsEvent fresh = new SerializationStatisticsEvent();
            fresh.direction = direction;
            fresh.framework = "java";
            fresh.rootClass = rootClass;
            fresh.classes = 1;
            return fresh;
        });
        row.calls++;
        row.bytes += bytes;
        row.totalTime += nanos;
    }

    private static long fnv1a(byte[] bytes) {
        long hash = FNV_OFFSET;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
