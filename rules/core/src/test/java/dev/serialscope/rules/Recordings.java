package dev.serialscope.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.BadAttributeValueExpException;

import com.example.shop.Catalog;
import com.example.shop.Order;
import com.example.shop.PriceList;
import com.example.shop.PriceUpdate;
import com.example.shop.SessionState;
import com.example.shop.Shop;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.DeserializationLimitsEvent;
import dev.serialscope.events.DeserializedClassEvent;
import dev.serialscope.events.SerializationCompositionEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationSizesEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import jdk.jfr.Recording;

/**
 * Synthetic recordings, each modelling one problem (or a clean program) with the real event classes
 * and the fields the agent fills. Made once per test JVM and shared by the tests.
 */
public final class Recordings {

    public enum Scenario {
        /** One long stream of small distinct orders; filtered reads; unfiltered reads only from memory. */
        CLEAN,
        /** Most of the time goes to writing Catalog and reading Order (statistics say so). */
        HOT_SPOT,
        /** Catalogs of 6 MiB written to a child process. */
        LARGE_PAYLOAD,
        /** The same Catalog object written again and again; the same PriceList bytes too. */
        REPEATED_PAYLOAD,
        /** A new stream with three class descriptors for every 200-byte PriceUpdate. */
        STREAM_SETUP,
        /** SessionState grows by 2 KiB with every copy. */
        PAYLOAD_GROWTH,
        /** Orders read from a socket without a filter. */
        UNFILTERED,
        /**
         * As UNFILTERED, plus a BadAttributeValueExpException from the same socket, and the classes the socket's
         * streams resolved (orders with a price list and an array of price updates, and the gadget's own).
         */
        GADGET,
        /** The production profile when no call passed a threshold: statistics only. */
        STATISTICS_ONLY,
        /** Every Order carries the same 140 KiB Catalog in its field catalog; every call traced field by field. */
        REPEATED_FIELD,
        /** As REPEATED_FIELD, but only 2 of the 20 calls traced (the production profile's sampling). */
        REPEATED_FIELD_SAMPLED,
        /** 20 Order calls each by Kryo and by Jackson, every 5th carrying the same catalog (100 KiB and 120 KiB). */
        REPEATED_FIELD_TWO_FRAMEWORKS,
        /** The same 200 KiB PriceList read from a socket 30 times (same size and descriptors), among small orders. */
        REPEATED_READS,
        /** One 3 MiB Catalog written, and 40 Orders of 200 KiB read: the reads cost more in total. */
        LARGE_READS,
        /** A 2 MiB Catalog written, then a byte array of its serialized bytes written again (a broadcast block). */
        SERIALIZED_OUTPUT,
        /** A traced 1 MiB Order whose heaviest path runs through a collection's contents to a price list. */
        DEEP_PATH,
        /**
         * 30 Orders of 150 KiB written to memory, each traced and carrying the same 100 KiB Catalog, and read back at
         * one site: the reads repeat more than the writes, and only the writes can tell which part.
         */
        REPEATED_READS_OF_FIELD,
        /**
         * 30 PriceLists of 200 KiB read from byte arrays at one site, all of one shape but fingerprinted: 10 distinct
         * contents, 3 reads each; and one 100 KiB Catalog read at two sites with the same content hash.
         */
        HASHED_READS,
        /**
         * The production profile's always-on data: 1,000 Catalog writes counted (900 of 64 to 128 KiB, 80 of 128 to
         * 256 KiB, 20 of 2 to 4 MiB, the largest 3 MiB) and 18,499 small orders; per-call events for the 20 largest only.
         */
        COUNTED_LARGE,
        /** 1,000 small orders counted by the statistics (the largest 300 bytes), no per-call event. */
        COUNTED_SMALL,
        /** As SERIALIZED_OUTPUT, with the statistics' sizes: the byte array row counts as serialized output. */
        COUNTED_SERIALIZED_OUTPUT,
        /** A JDK recording without the agent. */
        NO_SERIALSCOPE
    }

    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;

    private static final Map<Scenario, Path> FILES = new EnumMap<>(Scenario.class);
    private static final AtomicLong IDENTITIES = new AtomicLong(0x1000);
    private static Path directory;

    private Recordings() {
    }

    public static synchronized Path of(Scenario scenario) {
        return FILES.computeIfAbsent(scenario, Recordings::record);
    }

    /** A directory for test files, removed when the test JVM exits. */
    public static synchronized Path directory() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("serialscope-rules-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(directory)));
        }
        return directory;
    }

    private static Path record(Scenario scenario) {
        Path file = directory().resolve(scenario.name().toLowerCase() + ".jfr");
        if (scenario == Scenario.NO_SERIALSCOPE) {
            return recordWithoutAgent(file);
        }
        try (Recording recording = new Recording()) {
            recording.enable(SerializationEvent.class).withStackTrace().withoutThreshold();
            recording.enable(DeserializationEvent.class).withStackTrace().withoutThreshold();
            recording.enable(SerializationStatisticsEvent.class);
            recording.enable(SerializationSizesEvent.class);
            recording.enable(SerializationCompositionEvent.class);
            recording.enable(DeserializedClassEvent.class);
            recording.enable(DeserializationLimitsEvent.class);
            recording.start();
            play(scenario);
            recording.stop();
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A recording of another JVM: this one has registered the SerialScope event types, which Flight Recorder
     * lists in every recording it makes, with or without events.
     */
    private static Path recordWithoutAgent(Path file) {
        try {
            Path program = directory().resolve("Idle.java");
            Files.writeString(program, "class Idle { public static void main(String[] args) { } }");
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:StartFlightRecording:filename=" + file, "-Xlog:jfr+startup=error", program.toString())
                    .redirectErrorStream(true).redirectOutput(directory().resolve("idle.log").toFile()).start();
            if (!java.waitFor(60, TimeUnit.SECONDS) || java.exitValue() != 0 || !Files.isRegularFile(file)) {
                java.destroyForcibly();
                throw new IllegalStateException("recording a JVM without the agent failed: "
                        + Files.readString(directory().resolve("idle.log")));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void play(Scenario scenario) {
        Random random = new Random(scenario.ordinal());
        switch (scenario) {
        case CLEAN -> {
            long bytes = 0;
            for (int i = 0; i < 200; i++) {
                SerializationEvent order = write(Order.class, 180 + random.nextInt(200), "socket 127.0.0.1:5555", 7001);
                order.classDescriptors = i == 0 ? 2 : 0;
                order.classDescriptorBytes = i == 0 ? 120 : 0;
                bytes += order.bytes;
                Shop.sendOrder(order);
            }
            for (int i = 0; i < 200; i++) {
                Shop.receiveOrder(read(Order.class, 180 + random.nextInt(200), "socket 127.0.0.1:5555", 7002, true));
            }
            for (int i = 0; i < 20; i++) {
                Shop.receiveOrder(read(Order.class, 300, "memory", 7100 + i, false));
            }
            statistics(SerializationStatisticsEvent.WRITE, Order.class, 200, bytes, 4_000_000);
            statistics(SerializationStatisticsEvent.READ, Order.class, 220, 66_000, 3_000_000);
        }
        case HOT_SPOT -> {
            for (int i = 0; i < 5; i++) {
                Shop.publishCatalog(write(Catalog.class, 40 * KIB, "socket 10.0.0.5:8080", 7201), 20);
            }
            for (int i = 0; i < 20; i++) {
                Shop.sendOrder(write(Order.class, 200, "memory", 7300 + i));
            }
            for (int i = 0; i < 5; i++) {
                Shop.receiveOrder(read(Order.class, 300, "socket 10.0.0.5:8081", 7202, true));
            }
            statistics(SerializationStatisticsEvent.WRITE, Catalog.class, 500, 20L * MIB, 2_500_000_000L);
            statistics(SerializationStatisticsEvent.WRITE, Order.class, 20, 4 * KIB, 2_000_000);
            statistics(SerializationStatisticsEvent.READ, Order.class, 3000, MIB, 1_500_000_000L);
        }
        case LARGE_PAYLOAD -> {
            for (int i = 0; i < 8; i++) {
                Shop.publishCatalog(write(Catalog.class, 6L * MIB + random.nextInt(KIB), "pipe (child pid 4242)", 7401),
                        0);
            }
            for (int i = 0; i < 50; i++) {
                Shop.sendOrder(write(Order.class, 200 + random.nextInt(100), "socket 127.0.0.1:5555", 7402));
            }
        }
        case REPEATED_PAYLOAD -> {
            for (int i = 0; i < 30; i++) {
                SerializationEvent catalog = write(Catalog.class, 100 * KIB, "socket 10.0.0.2:9000", 7500 + i);
                catalog.identity = 0x5eed;
                Shop.publishCatalog(catalog, 0);
            }
            for (int i = 0; i < 10; i++) {
                SerializationEvent prices = write(PriceList.class, 20 * KIB, "socket 10.0.0.2:9000", 7600 + i);
                prices.contentHash = 0x0bad_cafe_f00dL;
                Shop.sendOrder(prices);
            }
            for (int i = 0; i < 50; i++) {
                Shop.sendOrder(write(Order.class, 200 + random.nextInt(100), "socket 127.0.0.1:5555", 7700));
            }
        }
        case STREAM_SETUP -> {
            for (int i = 0; i < 100; i++) {
                SerializationEvent update = write(PriceUpdate.class, 200, "socket 127.0.0.1:6000", 7800 + i);
                update.classDescriptors = 3;
                update.classDescriptorBytes = 150;
                Shop.tickPrice(update);
            }
            SerializationStatisticsEvent row = statisticsRow(SerializationStatisticsEvent.WRITE, PriceUpdate.class,
                    100, 20_000, 3_000_000, 100);
            row.newStreams = 100;
            row.descriptorBytes = 100 * 150;
            row.commit();
        }
        case PAYLOAD_GROWTH -> {
            for (int i = 0; i < 40; i++) {
                Shop.replicateSession(write(SessionState.class, 2L * KIB * (i + 1), "socket 10.0.0.7:7000", 7900));
                Shop.sendOrder(write(Order.class, 150 + random.nextInt(300), "socket 127.0.0.1:5555", 7901));
            }
        }
        case UNFILTERED, GADGET -> {
            for (int i = 0; i < 30; i++) {
                Shop.receiveOrder(read(Order.class, 300, "socket 10.0.0.9:4444", 8001, false));
            }
            for (int i = 0; i < 10; i++) {
                Shop.receiveOrder(read(java.util.PriorityQueue.class, 300, "memory", 8100 + i, false));
                Shop.loadBackup(read(Order.class, 300, "file /var/backup/orders.ser", 8200 + i, true));
            }
            if (scenario == Scenario.GADGET) {
                Shop.receiveOrder(read(BadAttributeValueExpException.class, 2 * KIB, "socket 10.0.0.9:4444", 8002,
                        false));
                for (Class<?> type : List.of(Order.class, PriceList.class, PriceUpdate[].class, PriceUpdate.class,
                        BadAttributeValueExpException.class, Exception.class, Throwable.class)) {
                    deserializedClass("socket 10.0.0.9:4444", type);
                }
                deserializedClass("memory", java.util.PriorityQueue.class);
                limits("socket 10.0.0.9:4444", 7, 930, 40, 31 * KIB);
                limits("memory", 2, 11, 0, 300);
            }
        }
        // Timed as the production profile does, about one call in 16.
        case STATISTICS_ONLY -> statistics(SerializationStatisticsEvent.WRITE, Order.class, 1000, 200 * KIB,
                50_000_000, 62);
        case REPEATED_FIELD, REPEATED_FIELD_SAMPLED -> {
            for (int i = 0; i < 20; i++) {
                SerializationEvent order = write(Order.class, 150 * KIB, "socket 10.0.0.3:7000", 9000);
                order.callId = 5000 + i;
                if (scenario == Scenario.REPEATED_FIELD || i % 10 == 0) {
                    composition(order, "catalog", 1, Order.class, Catalog.class, 140 * KIB, 0xCA7);
                    composition(order, "catalog.prices", 2, Catalog.class, PriceList.class, 139 * KIB, 0xCA8);
                    // Small and shared: a constant, never a finding.
                    composition(order, "currency", 1, Order.class, String.class, 20, 0xC0);
                    // Different in every order.
                    composition(order, "lines", 1, Order.class, java.util.ArrayList.class, 9 * KIB, 0x7000 + i);
                }
                Shop.sendOrder(order);
            }
        }
        case REPEATED_FIELD_TWO_FRAMEWORKS -> {
            for (String framework : List.of("kryo", "jackson")) {
                long catalog = (framework.equals("kryo") ? 100 : 120) * KIB;
                for (int i = 0; i < 20; i++) {
                    boolean carries = i % 5 == 0;
                    SerializationEvent order = write(Order.class, carries ? catalog + 100 : 100, "memory", 0);
                    order.framework = framework;
                    order.callId = (framework.equals("kryo") ? 7000 : 8000) + i;
                    composition(order, "catalog", 1, Order.class, carries ? Catalog.class : null, carries ? catalog : 1,
                            carries ? 0xCA7 : 0);
                    Shop.sendOrder(order);
                }
            }
        }
        case REPEATED_READS -> {
            for (int i = 0; i < 30; i++) {
                DeserializationEvent prices = read(PriceList.class, 200 * KIB, "socket 10.0.0.2:9000", 7650, true);
                prices.classDescriptors = 3;
                Shop.receiveOrder(prices);
                Shop.receiveOrder(read(Order.class, 300, "socket 10.0.0.2:9000", 7650, true));
            }
        }
        case LARGE_READS -> {
            Shop.publishCatalog(write(Catalog.class, 3L * MIB, "socket 10.0.0.2:9000", 7660), 0);
            for (int i = 0; i < 40; i++) {
                Shop.receiveOrder(read(Order.class, 200 * KIB + random.nextInt(KIB), "socket 10.0.0.2:9001", 7661,
                        true));
            }
        }
        case SERIALIZED_OUTPUT -> {
            Shop.publishCatalog(write(Catalog.class, 2L * MIB, "memory", 7670), 0);
            SerializationEvent block = write(byte[].class, 2L * MIB + 27, "socket 10.0.0.2:9000", 7671);
            block.serializedOutput = true;
            Shop.publishCatalog(block, 0);
        }
        case DEEP_PATH -> {
            SerializationEvent order = write(Order.class, MIB, "socket 10.0.0.3:7000", 9100);
            order.callId = 6000;
            composition(order, "catalog", 1, Order.class, Catalog.class, 1000 * KIB, 0xCA7, true);
            composition(order, "catalog.<contents>", 2, Catalog.class, Catalog.class, 990 * KIB, 0xCA8, true);
            composition(order, "catalog.<contents>.prices", 3, Catalog.class, PriceList.class, 980 * KIB, 0xCA9, true);
            composition(order, "lines", 1, Order.class, java.util.ArrayList.class, 20 * KIB, 0x7100, false);
            Shop.sendOrder(order);
        }
        case REPEATED_READS_OF_FIELD -> {
            for (int i = 0; i < 30; i++) {
                SerializationEvent order = write(Order.class, 150 * KIB, "memory", 9200 + i);
                order.callId = 6100 + i;
                composition(order, "catalog", 1, Order.class, Catalog.class, 100 * KIB, 0xCA7);
                composition(order, "lines", 1, Order.class, java.util.ArrayList.class, 49 * KIB, 0x7200 + i);
                Shop.sendOrder(order);
                Shop.receiveOrder(read(Order.class, 150 * KIB, "memory", 9300 + i, false));
            }
        }
        case HASHED_READS -> {
            for (int i = 0; i < 30; i++) {
                DeserializationEvent prices = read(PriceList.class, 200 * KIB, "memory", 9400 + i, false);
                prices.classDescriptors = 3;
                prices.contentHash = 0x9A5_0000L + i % 10;
                Shop.receiveOrder(prices);
            }
            for (int i = 0; i < 2; i++) {
                DeserializationEvent catalog = read(Catalog.class, 100 * KIB, "memory", 9500 + i, false);
                catalog.contentHash = 0xCA7A_1064L;
                if (i == 0) {
                    Shop.receiveOrder(catalog);
                } else {
                    Shop.loadBackup(catalog);
                }
            }
        }
        case COUNTED_LARGE -> {
            for (int i = 0; i < 20; i++) {
                Shop.publishCatalog(write(Catalog.class, i == 7 ? 3L * MIB : 2L * MIB + i * KIB, "pipe (child pid 4242)",
                        7401), 0);
            }
            counted(SerializationStatisticsEvent.WRITE, Catalog.class, 3L * MIB,
                    new long[] {64 * KIB, 900, 900L * 100 * KIB}, new long[] {128 * KIB, 80, 80L * 150 * KIB},
                    new long[] {2L * MIB, 20, 20L * 2 * MIB + 190 * KIB + MIB});
            counted(SerializationStatisticsEvent.WRITE, Order.class, 300, new long[] {256, 18_499, 18_499L * 300});
        }
        case COUNTED_SMALL -> counted(SerializationStatisticsEvent.WRITE, Order.class, 300,
                new long[] {128, 400, 400L * 200}, new long[] {256, 600, 600L * 290});
        case COUNTED_SERIALIZED_OUTPUT -> {
            Shop.publishCatalog(write(Catalog.class, 2L * MIB, "memory", 7670), 0);
            SerializationEvent block = write(byte[].class, 2L * MIB + 27, "socket 10.0.0.2:9000", 7671);
            block.serializedOutput = true;
            Shop.publishCatalog(block, 0);
            counted(SerializationStatisticsEvent.WRITE, Catalog.class, 2L * MIB, new long[] {2L * MIB, 1, 2L * MIB});
            SerializationStatisticsEvent row = counted(SerializationStatisticsEvent.WRITE, byte[].class, 2L * MIB + 27,
                    new long[] {2L * MIB, 1, 2L * MIB + 27});
            row.serializedOutputs = 1;
            row.serializedOutputBytes = 2L * MIB + 27;
            row.commit();
        }
        default -> throw new IllegalArgumentException(scenario.name());
        }
    }

    /** A class a stream resolved, as the agent writes it the first time in a chunk. */
    static void deserializedClass(String channel, Class<?> type) {
        DeserializedClassEvent event = new DeserializedClassEvent();
        event.channel = channel;
        event.serialClass = type;
        event.commit();
    }

    /** The maxima of a channel, as the agent writes them when a chunk ends. */
    static void limits(String channel, long depth, long references, long arrayLength, long streamBytes) {
        DeserializationLimitsEvent event = new DeserializationLimitsEvent();
        event.channel = channel;
        event.maxDepth = depth;
        event.maxReferences = references;
        event.maxArrayLength = arrayLength;
        event.maxStreamBytes = streamBytes;
        event.commit();
    }

    /** A serialization call as the agent fills it: a fresh root object with distinct bytes. */
    static SerializationEvent write(Class<?> rootClass, long bytes, String channel, long streamId) {
        SerializationEvent event = new SerializationEvent();
        fill(event, rootClass, bytes, channel, streamId);
        event.contentHash = IDENTITIES.get() * 0x9E3779B97F4A7C15L;
        return event;
    }

    /** One field path of a traced call, as the agent writes it. */
    static void composition(SerializationEvent call, String path, int level, Class<?> declaringClass,
            Class<?> valueClass, long bytes, long identity) {
        composition(call, path, level, declaringClass, valueClass, bytes, identity, false);
    }

    /** As {@link #composition(SerializationEvent, String, int, Class, Class, long, long)}, on the heaviest path or not. */
    static void composition(SerializationEvent call, String path, int level, Class<?> declaringClass,
            Class<?> valueClass, long bytes, long identity, boolean heavyPath) {
        SerializationCompositionEvent event = new SerializationCompositionEvent();
        event.callId = call.callId;
        event.rootClass = call.rootClass;
        event.path = path;
        event.level = level;
        event.declaringClass = declaringClass;
        event.field = path.substring(path.lastIndexOf('.') + 1);
        event.valueClass = valueClass;
        event.bytes = bytes;
        event.objects = (int) Math.max(1, bytes / 64);
        event.count = 1;
        event.identity = identity;
        event.heavyPath = heavyPath;
        event.commit();
    }

    /** A deserialization call as the agent fills it (without a content hash: a read from a stream). */
    static DeserializationEvent read(Class<?> rootClass, long bytes, String channel, long streamId,
            boolean filtered) {
        DeserializationEvent event = new DeserializationEvent();
        fill(event, rootClass, bytes, channel, streamId);
        event.contentHash = 0;
        event.filtered = filtered;
        return event;
    }

    private static void fill(dev.serialscope.events.SerializationCallEvent event, Class<?> rootClass, long bytes,
            String channel, long streamId) {
        event.framework = "java";
        event.rootClass = rootClass;
        event.bytes = bytes;
        event.objects = (int) Math.max(1, bytes / 64);
        event.classDescriptors = 0;
        event.classDescriptorBytes = 0;
        event.identity = IDENTITIES.incrementAndGet();
        event.channel = channel;
        event.streamId = streamId;
        event.failure = null;
    }

    /**
     * A statistics row and its sizes as the agent writes them in one period: each bucket is {lower bound, calls,
     * bytes}, the upper bound the next power of two. The row is committed unless it is a byte array (returned to
     * be completed first).
     */
    private static SerializationStatisticsEvent counted(String direction, Class<?> rootClass, long largest,
            long[]... buckets) {
        int calls = 0;
        long bytes = 0;
        for (long[] bucket : buckets) {
            SerializationSizesEvent sizes = new SerializationSizesEvent();
            sizes.direction = direction;
            sizes.framework = "java";
            sizes.rootClass = rootClass;
            sizes.minBytes = bucket[0];
            sizes.maxBytes = 2 * Long.highestOneBit(Math.max(32, bucket[0]));
            sizes.calls = (int) bucket[1];
            sizes.bytes = bucket[2];
            sizes.commit();
            calls += (int) bucket[1];
            bytes += bucket[2];
        }
        SerializationStatisticsEvent row = statisticsRow(direction, rootClass, calls, bytes, calls * 1000L, calls / 16);
        row.largestCall = largest;
        if (rootClass != byte[].class) {
            row.commit();
        }
        return row;
    }

    private static void statistics(String direction, Class<?> rootClass, int calls, long bytes, long totalNanos) {
        statistics(direction, rootClass, calls, bytes, totalNanos, calls);
    }

    private static void statistics(String direction, Class<?> rootClass, int calls, long bytes, long totalNanos,
                                   int timedCalls) {
        statisticsRow(direction, rootClass, calls, bytes, totalNanos, timedCalls).commit();
    }

    private static SerializationStatisticsEvent statisticsRow(String direction, Class<?> rootClass, int calls,
                                                              long bytes, long totalNanos, int timedCalls) {
        SerializationStatisticsEvent row = new SerializationStatisticsEvent();
        row.direction = direction;
        row.framework = "java";
        row.rootClass = rootClass;
        row.classes = 1;
        row.calls = calls;
        row.bytes = bytes;
        row.totalTime = totalNanos;
        row.timedCalls = timedCalls;
        row.failures = 0;
        return row;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory is under the system's temporary directory.
        }
    }
}
