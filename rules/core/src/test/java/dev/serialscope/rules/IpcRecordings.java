package dev.serialscope.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import com.example.shop.Catalog;
import com.example.shop.Order;
import com.example.shop.Shop;

import dev.serialscope.events.ChannelStatisticsEvent;
import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.RmiCallEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import jdk.jfr.Recording;

/**
 * Synthetic recordings of channel traffic and RMI calls, made with the real event classes and the
 * fields the agent fills, once per test JVM.
 */
final class IpcRecordings {

    enum Scenario {
        /** 1,000 messages of 200 bytes, one write per message, on one socket; a small pipe. */
        CLEAN_CHANNELS,
        /** An ObjectOutputStream straight on a socket: 60,000 writes of 5 bytes; a buffered socket next to it. */
        CHATTY,
        /** 40 MiB of serialized Catalogs over a socket, 2 MiB of other bytes; a file with no serialization. */
        SERIALIZED,
        /** The same 2 MiB Catalog passed to an RMI method 20 times; the client's and the server's side. */
        RMI_REPEATED
    }

    static final String RMI_ENDPOINT = "socket 127.0.0.1:1099";
    static final String SERVER_ENDPOINT = "socket 127.0.0.1:50123";

    private static final Map<Scenario, IItemCollection> LOADED = new EnumMap<>(Scenario.class);

    private IpcRecordings() {
    }

    static synchronized IItemCollection load(Scenario scenario) {
        return LOADED.computeIfAbsent(scenario, s -> {
            Path file = Recordings.directory().resolve("ipc-" + s.name().toLowerCase() + ".jfr");
            try (Recording recording = new Recording()) {
                recording.enable(SerializationEvent.class).withStackTrace().withoutThreshold();
                recording.enable(DeserializationEvent.class).withStackTrace().withoutThreshold();
                recording.enable(SerializationStatisticsEvent.class);
                recording.enable(ChannelStatisticsEvent.class);
                recording.enable(RmiCallEvent.class).withStackTrace().withoutThreshold();
                recording.start();
                play(s);
                recording.stop();
                recording.dump(file);
                return JfrLoaderToolkit.loadEvents(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void play(Scenario scenario) {
        switch (scenario) {
        case CLEAN_CHANNELS -> {
            for (int i = 0; i < 1000; i++) {
                Shop.sendOrder(Recordings.write(Order.class, 200, "socket 127.0.0.1:5555", 1));
            }
            channel("socket 127.0.0.1:5555", "write", 1000, 200_000, 200_000, 20_000_000);
            channel("socket 127.0.0.1:5555", "read", 1000, 200_000, 200_000, 20_000_000);
            channel("pipe (child pid 42)", "write", 10, 5000, 0, 1_000_000);
            statistics(Order.class, 1000, 200_000);
        }
        case CHATTY -> {
            for (int i = 0; i < 1000; i++) {
                Shop.sendOrder(Recordings.write(Order.class, 300, "socket 127.0.0.1:7000", 2));
            }
            channel("socket 127.0.0.1:7000", "write", 60_000, 300_000, 300_000, 600_000_000);
            channel("socket 127.0.0.1:7001", "write", 1000, 300_000, 300_000, 20_000_000);
            // Standard output is not inter-process traffic for this rule, however chatty.
            channel("stdout", "write", 100_000, 100_000, 0, 100_000_000);
            statistics(Order.class, 1000, 300_000);
        }
        case SERIALIZED -> {
            for (int i = 0; i < 20; i++) {
                Shop.publishCatalog(Recordings.write(Catalog.class, 2 * Recordings.MIB, "socket 10.0.0.2:9000", 3), 0);
            }
            channel("socket 10.0.0.2:9000", "write", 700, 42L * Recordings.MIB, 40L * Recordings.MIB, 300_000_000);
            channel("file /var/data/log.bin", "write", 700, 100L * Recordings.MIB, 0, 300_000_000);
            statistics(Catalog.class, 20, 40L * Recordings.MIB);
        }
        case RMI_REPEATED -> {
            for (int i = 0; i < 20; i++) {
                RmiCallEvent client = new RmiCallEvent();
                client.begin();
                SerializationEvent argument = Recordings.write(Catalog.class, 2 * Recordings.MIB, RMI_ENDPOINT, 100 + i);
                argument.identity = 0xCA7A;
                Shop.publishCatalog(argument, 0);
                client.end();
                rmi(client, "client", RMI_ENDPOINT, 2 * Recordings.MIB + 60, 30);
                RmiCallEvent server = new RmiCallEvent();
                server.begin();
                Shop.receiveOrder(Recordings.read(Catalog.class, 2 * Recordings.MIB, SERVER_ENDPOINT, 200 + i, true));
                server.end();
                rmi(server, "server", SERVER_ENDPOINT, 2 * Recordings.MIB, 30);
            }
            long bytes = 20L * (2 * Recordings.MIB + 60);
            channel(RMI_ENDPOINT, "write", 20 * 260, bytes, bytes, 400_000_000);
            channel(SERVER_ENDPOINT, "read", 20 * 300, bytes, bytes - 20 * 60, 400_000_000);
            statistics(Catalog.class, 20, 40L * Recordings.MIB);
        }
        }
    }

    private static void rmi(RmiCallEvent event, String side, String endpoint, long arguments, long result) {
        event.side = side;
        event.remoteInterface = CatalogService.class;
        event.method = "publish";
        event.endpoint = endpoint;
        event.argumentBytes = arguments;
        event.resultBytes = result;
        event.commit();
    }

    /** A remote interface for the RMI scenario. */
    interface CatalogService extends java.rmi.Remote {
        void publish(Catalog catalog) throws java.rmi.RemoteException;
    }

    private static void channel(String name, String direction, long operations, long bytes, long serialized,
            long nanos) {
        ChannelStatisticsEvent event = new ChannelStatisticsEvent();
        event.channel = name;
        event.direction = direction;
        event.operations = (int) operations;
        event.bytes = bytes;
        event.serializedBytes = serialized;
        event.totalTime = nanos;
        event.largestOperation = bytes / Math.max(1, operations);
        event.commit();
    }

    private static void statistics(Class<?> rootClass, int calls, long bytes) {
        SerializationStatisticsEvent row = new SerializationStatisticsEvent();
        row.direction = SerializationStatisticsEvent.WRITE;
        row.framework = "java";
        row.rootClass = rootClass;
        row.classes = 1;
        row.calls = calls;
        row.bytes = bytes;
        row.totalTime = 1_000_000;
        row.commit();
    }
}
