package dev.serialscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationCallEvent;
import dev.serialscope.events.SerializationCompositionEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import dev.serialscope.probe.GeneratorHook;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Writes synthetic SerialScope recordings of a given number of events, with the real event classes in an
 * in-process {@link Recording} (JDK {@code default} settings plus SerialScope's events with stack traces), for
 * the analyzer throughput measurement ({@code bench/analyzer-throughput.sh}). The mix: about 66 % Serialization
 * and 26 % Deserialization events from six call sites on four threads, 20 root classes, seven channels, reused
 * and fresh streams; one call in 60 traced with five Serialization Composition events; and Serialization
 * Statistics rows (up to 18 classes and an "other" row per direction) every 1,000 calls of each thread.
 *
 * <pre>java -cp bench/target/serialscope-bench.jar dev.serialscope.bench.RecordingGenerator OUT.jfr EVENTS</pre>
 *
 * EVENTS counts SerialScope events only (accepts 10k, 1M, 5M); the JDK's own events come on top.
 */
public final class RecordingGenerator {

    private static final int THREADS = 4;
    private static final int STATISTICS_EVERY = 1_000;
    private static final int TRACE_EVERY = 60;

    /** 20 root classes, the first ones the most frequent. */
    private static final Class<?>[] ROOTS = {
        java.util.HashMap.class, java.util.ArrayList.class, String.class, java.util.LinkedHashMap.class,
        java.util.TreeMap.class, byte[].class, java.util.HashSet.class, java.util.LinkedList.class,
        java.util.Date.class, java.math.BigDecimal.class, java.math.BigInteger.class, java.util.UUID.class,
        java.util.concurrent.ConcurrentHashMap.class, java.time.Instant.class, java.time.LocalDate.class,
        java.net.URI.class, java.util.TreeSet.class, int[].class, Long.class, java.util.Vector.class
    };
    private static final long[] TYPICAL_BYTES = {
        6_000, 2_000, 120, 9_000, 4_000, 70_000, 1_500, 3_000, 46, 90,
        80, 60, 12_000, 30, 25, 110, 2_500, 40_000, 80, 800
    };
    private static final String[] CHANNELS = {
        "socket 10.0.0.5:8080", "socket 10.0.0.6:8080", "socket 10.0.0.7:6379", "memory",
        "pipe (child pid 4242)", "file /var/lib/app/cache.bin", "socket 10.0.1.20:1099"
    };
    private static final String[] PATHS = {"entries", "entries.value", "config", "config.settings", "history"};

    private RecordingGenerator() {
    }

    public static void main(String[] args) throws IOException, ParseException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: RecordingGenerator OUT.jfr EVENTS   (EVENTS: a number, or 10k, 1M, 5M)");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long events = parseCount(args[1]);
        long started = System.nanoTime();
        generate(out, events);
        long written = countSerialScopeEvents(out);
        if (written != events) {
            System.err.printf(Locale.ROOT, "%s: only %,d of %,d SerialScope events were written (JFR lost some: "
                    + "jdk.DataLoss); run again, or with -XX:FlightRecorderOptions:memorysize=256m%n", out, written,
                    events);
            System.exit(1);
        }
        System.err.printf(Locale.ROOT, "%s: %,d SerialScope events, %,d bytes, %.1f s%n", out, events, Files.size(out),
                (System.nanoTime() - started) / 1e9);
    }

    /** The SerialScope events in the file, read back with the JDK's parser. */
    static long countSerialScopeEvents(Path file) throws IOException {
        long count = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                if (recording.readEvent().getEventType().getName().startsWith("serialscope.")) {
                    count++;
                }
            }
        }
        return count;
    }

    static long parseCount(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("_", "");
        long factor = lower.endsWith("k") ? 1_000 : lower.endsWith("m") ? 1_000_000 : 1;
        String digits = factor == 1 ? lower : lower.substring(0, lower.length() - 1);
        return Long.parseLong(digits) * factor;
    }

    public static void generate(Path out, long events) throws IOException, ParseException, InterruptedException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.enable(SerializationEvent.class).withStackTrace().withoutThreshold();
            recording.enable(DeserializationEvent.class).withStackTrace().withoutThreshold();
            recording.enable(SerializationStatisticsEvent.class);
            recording.enable(SerializationCompositionEvent.class);
            recording.setToDisk(true);
            recording.start();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long budget = events / THREADS + (t == 0 ? events % THREADS : 0);
                Worker worker = new Worker(t, budget);
                Thread thread = new Thread(worker::run, "app-worker-" + t);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            recording.stop();
            recording.dump(out);
        }
    }

    /** One application thread: its calls, their traces and its statistics rows, exactly {@code budget} events. */
    private static final class Worker {
        private static final AtomicLong CALL_IDS = new AtomicLong();
        private static final Semaphore TURN = new Semaphore(1, true);

        private final int index;
        private final SplittableRandom random;
        private long remaining;
        private final long[][] calls = new long[2][ROOTS.length];
        private final long[][] bytes = new long[2][ROOTS.length];
        private final long[][] nanos = new long[2][ROOTS.length];
        private long sinceStatistics;
        private final long[] streams = new long[8];
        private final long[] identities = new long[16];

        Worker(int index, long budget) {
            this.index = index;
            this.random = new SplittableRandom(42 + index);
            this.remaining = budget;
            for (int i = 0; i < streams.length; i++) {
                streams[i] = random.nextInt();
            }
            for (int i = 0; i < identities.length; i++) {
                identities[i] = random.nextInt();
            }
        }

        void run() {
            // One thread generates at a time, so that JFR's own threads keep up on a small machine
            // (4 busy threads on 2 cores lose events: jdk.DataLoss).
            while (remaining > 0) {
                TURN.acquireUninterruptibly();
                try {
                    for (int i = 0; i < 500 && remaining > 0; i++) {
                        step();
                    }
                } finally {
                    TURN.release();
                }
            }
        }

        private void step() {
            boolean write = random.nextInt(100) < 72;
            int root = rootClass();
            int site = (index + random.nextInt(3)) % 6;
            if (write) {
                SerializationEvent event = new SerializationEvent();
                fill(event, root);
                event.contentHash = random.nextInt(4) == 0 ? event.identity * 0x9E3779B97F4A7C15L : 0;
                Sites.write(site, event, 8 + site * 3);
                remaining--;
                if (remaining > 0 && random.nextInt(TRACE_EVERY) == 0) {
                    compose(event);
                }
            } else {
                DeserializationEvent event = new DeserializationEvent();
                fill(event, root);
                event.contentHash = 0;
                event.filtered = random.nextInt(3) != 0;
                Sites.read(site, event, 10 + site * 2);
                remaining--;
            }
            int direction = write ? 0 : 1;
            calls[direction][root]++;
            nanos[direction][root] += 20_000;
            if (++sinceStatistics == STATISTICS_EVERY) {
                statistics();
            }
        }

        private int rootClass() {
            // Skewed like real traffic: exponential, the first classes most frequent.
            return (int) Math.min(ROOTS.length - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 5));
        }

        private void fill(SerializationCallEvent event, int root) {
            boolean failed = random.nextInt(2_000) == 0;
            event.framework = "java";
            event.rootClass = failed && event instanceof DeserializationEvent ? null : ROOTS[root];
            long size = Math.max(16, (long) (TYPICAL_BYTES[root] * (0.5 + random.nextDouble())));
            event.bytes = size;
            event.objects = (int) Math.max(1, size / 48);
            boolean freshStream = random.nextInt(10) == 0;
            event.classDescriptors = freshStream ? 1 + random.nextInt(4) : 0;
            event.classDescriptorBytes = freshStream ? 60L * event.classDescriptors : 0;
            event.identity = random.nextInt(20) == 0 ? identities[random.nextInt(identities.length)] : random.nextInt();
            event.channel = CHANNELS[(root + random.nextInt(2)) % CHANNELS.length];
            event.streamId = freshStream ? random.nextInt() : streams[root % streams.length];
            event.callId = CALL_IDS.incrementAndGet();
            event.failure = failed ? "java.io.InvalidClassException" : "";
            bytes[event instanceof SerializationEvent ? 0 : 1][root] += size;
        }

        /** Five field paths of a traced write. */
        private void compose(SerializationEvent call) {
            for (int level = 0; level < PATHS.length && remaining > 0; level++) {
                SerializationCompositionEvent event = new SerializationCompositionEvent();
                event.callId = call.callId;
                event.rootClass = call.rootClass;
                event.path = PATHS[level];
                event.level = PATHS[level].indexOf('.') < 0 ? 1 : 2;
                event.declaringClass = call.rootClass;
                event.field = PATHS[level].substring(PATHS[level].lastIndexOf('.') + 1);
                event.valueClass = ROOTS[(level * 3) % ROOTS.length];
                event.bytes = Math.max(1, call.bytes / (level + 2));
                event.objects = (int) Math.max(1, event.bytes / 48);
                event.count = 1;
                event.identity = level == 2 ? identities[0] : random.nextInt();
                event.commit();
                remaining--;
            }
        }

        /** A statistics period: one row per direction and class with calls, then an "other" row per direction. */
        private void statistics() {
            sinceStatistics = 0;
            for (int direction = 0; direction < 2; direction++) {
                long otherCalls = 0;
                for (int root = 0; root < ROOTS.length; root++) {
                    if (calls[direction][root] == 0) {
                        continue;
                    }
                    if (root >= ROOTS.length - 2) {
                        otherCalls += calls[direction][root];
                        continue;
                    }
                    row(direction, ROOTS[root], 1, calls[direction][root], bytes[direction][root],
                            nanos[direction][root]);
                }
                if (otherCalls > 0) {
                    row(direction, null, 2, otherCalls, 0, otherCalls * 20_000);
                }
                java.util.Arrays.fill(calls[direction], 0);
                java.util.Arrays.fill(bytes[direction], 0);
                java.util.Arrays.fill(nanos[direction], 0);
            }
        }

        private void row(int direction, Class<?> root, int classes, long callCount, long byteCount, long time) {
            if (remaining <= 0) {
                return;
            }
            SerializationStatisticsEvent row = new SerializationStatisticsEvent();
            row.direction = direction == 0 ? SerializationStatisticsEvent.WRITE : SerializationStatisticsEvent.READ;
            row.framework = "java";
            row.rootClass = root;
            row.classes = classes;
            row.calls = (int) callCount;
            row.bytes = byteCount;
            row.totalTime = time;
            row.failures = 0;
            row.commit();
            remaining--;
        }
    }

    /**
     * Six call sites of an imaginary service; each sits below some framework frames (a recursion of the given
     * depth), as application code does below a web container or a message listener.
     */
    static final class Sites {
        private Sites() {
        }

        static void write(int site, SerializationEvent event, int depth) {
            if (depth > 0) {
                write(site, event, depth - 1);
                return;
            }
            switch (site) {
            case 0 -> OrderService.sendOrder(event);
            case 1 -> OrderService.publishCatalog(event);
            case 2 -> SessionReplicator.replicate(event);
            case 3 -> CacheClient.put(event);
            case 4 -> SessionReplicator.snapshot(event);
            default -> CacheClient.putAll(event);
            }
        }

        static void read(int site, DeserializationEvent event, int depth) {
            if (depth > 0) {
                read(site, event, depth - 1);
                return;
            }
            switch (site % 3) {
            case 0 -> OrderService.receiveOrder(event);
            case 1 -> SessionReplicator.restore(event);
            default -> CacheClient.get(event);
            }
        }
    }

    static final class OrderService {
        static void sendOrder(SerializationEvent event) {
            GeneratorHook.write(event);
        }

        static void publishCatalog(SerializationEvent event) {
            GeneratorHook.write(event);
        }

        static void receiveOrder(DeserializationEvent event) {
            GeneratorHook.read(event);
        }
    }

    static final class SessionReplicator {
        static void replicate(SerializationEvent event) {
            GeneratorHook.write(event);
        }

        static void snapshot(SerializationEvent event) {
            GeneratorHook.write(event);
        }

        static void restore(DeserializationEvent event) {
            GeneratorHook.read(event);
        }
    }

    static final class CacheClient {
        static void put(SerializationEvent event) {
            GeneratorHook.write(event);
        }

        static void putAll(SerializationEvent event) {
            GeneratorHook.write(event);
        }

        static void get(DeserializationEvent event) {
            GeneratorHook.read(event);
        }
    }
}
