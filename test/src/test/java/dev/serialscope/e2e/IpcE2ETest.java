package dev.serialscope.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serialscope.e2e.programs.IpcTraffic;
import dev.serialscope.e2e.programs.RmiTraffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Channel statistics and RMI calls against what the peers measured: every byte a socket, socket
 * channel (TCP and Unix-domain), pipe or file carried, per channel and direction, exactly; the
 * serialized share of a socket's bytes; RMI calls on both sides with their method and the exact
 * bytes the client's sockets carried. On JDK 17 and 25.
 */
class IpcE2ETest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void bytesPerChannelEqualWhatThePeersMeasured(Jdk jdk, @TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.txt");
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .run(IpcTraffic.class, measured.toString()).assertSucceeded();
        Recording recording = run.recording();
        Map<String, long[]> totals = channelTotals(recording);
        List<String> lines = Files.readAllLines(measured);
        assertEquals(12, lines.size(), () -> "measured: " + lines + "\n" + run.output());
        for (String line : lines) {
            String[] fields = line.split("\t");
            String key = fields[0] + " " + fields[1];
            long[] total = totals.get(key);
            assertNotNull(total, () -> "no Channel Statistics for " + key + "; rows: " + totals.keySet() + "\n" + run.output());
            assertEquals(Long.parseLong(fields[2]), total[0], () -> "bytes of " + key);
            long serialized = Long.parseLong(fields[3]);
            if (serialized >= 0) {
                assertEquals(serialized, total[1], () -> "serialized bytes of " + key);
            }
        }
        // 1,000 one-byte writes on the client socket after the objects: at least 1,000 operations.
        String client = lines.get(0).split("\t")[0] + " write";
        assertTrue(totals.get(client)[2] >= 1000, () -> client + " operations " + totals.get(client)[2]);
        assertTrue(run.stderr().lines().noneMatch(l -> l.contains("[serialscope]")), run::output);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void largeChannelWritesNameTheRootClassBeingSerialized(Jdk jdk, @TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.txt");
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE)
                .run(IpcTraffic.class, measured.toString()).assertSucceeded();
        String serverChannel = Files.readAllLines(measured).get(0).split("\t")[0];
        List<RecordedEvent> writes = run.recording().events("serialscope.ChannelIO").stream()
                .filter(e -> serverChannel.equals(e.getString("channel")) && "write".equals(e.getString("direction")))
                .toList();
        assertFalse(writes.isEmpty(), run::output);
        List<RecordedEvent> serialized = writes.stream().filter(e -> "java".equals(e.getString("framework"))).toList();
        assertFalse(serialized.isEmpty(), () -> "no serialized writes among " + writes);
        for (RecordedEvent event : serialized) {
            RecordedClass root = event.getValue("rootClass");
            assertNotNull(root, event::toString);
            assertEquals(IpcTraffic.Payload.class.getName(), root.getName());
        }
        // The Serialization events of the same stream name the same channel.
        assertTrue(run.recording().events("serialscope.Serialization").stream()
                .anyMatch(e -> serverChannel.equals(e.getString("channel"))), run::output);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void rmiCallsNameTheMethodAndTheBytesOnTheWire(Jdk jdk, @TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.txt");
        ChildRun run = ChildJvm.on(jdk, dir).withAgent().recording(Profile.PRODUCTION)
                .run(RmiTraffic.class, measured.toString()).assertSucceeded();
        List<String[]> calls = Files.readAllLines(measured).stream().map(l -> l.split("\t", -1)).toList();
        assertEquals(5, calls.size());
        List<RecordedEvent> events = run.recording().events("serialscope.RmiCall");
        List<RecordedEvent> clients = events.stream().filter(e -> "client".equals(e.getString("side"))).toList();
        List<RecordedEvent> servers = events.stream()
                .filter(e -> "server".equals(e.getString("side")) && !e.getString("method").isEmpty()).toList();
        assertEquals(5, clients.size(), () -> "client calls: " + events);
        assertEquals(5, servers.size(), () -> "server calls: " + events);
        for (int i = 0; i < calls.size(); i++) {
            String[] call = calls.get(i);
            RecordedEvent client = clients.get(i);
            RecordedEvent server = servers.get(i);
            String what = "call " + i + " " + String.join(" ", call);
            assertEquals(call[0], client.getString("method"), what);
            assertEquals(call[0], server.getString("method"), what);
            assertEquals(RmiTraffic.Store.class.getName(), client.<RecordedClass>getValue("remoteInterface").getName(), what);
            assertEquals(RmiTraffic.Store.class.getName(), server.<RecordedClass>getValue("remoteInterface").getName(), what);
            assertEquals(Long.parseLong(call[1]), client.getLong("argumentBytes"), what);
            assertEquals(Long.parseLong(call[2]), client.getLong("resultBytes"), what);
            // The server's dispatch writes the return; the client also reads what the transport answers outside
            // dispatch (the handshake on a new connection, the ping on a reused idle one), so at most a few bytes more.
            long serverResult = server.getLong("resultBytes");
            assertTrue(serverResult > 0 && serverResult <= client.getLong("resultBytes")
                    && client.getLong("resultBytes") - serverResult <= 64, what + " server result " + serverResult);
            assertTrue(server.getLong("argumentBytes") > 0 && server.getLong("argumentBytes") < client.getLong("argumentBytes"), what);
            assertTrue(client.getString("endpoint").startsWith("socket 127.0.0.1:"), what);
            assertTrue(server.getString("endpoint").startsWith("socket 127.0.0.1:"), what);
            String failure = call[3].isEmpty() ? null : call[3];
            assertEquals(failure, client.getString("failure"), what);
            assertEquals(failure, server.getString("failure"), what);
        }
        // The 200,000-byte argument: serialized on the client, counted on the server (byte[] read by readObject).
        assertTrue(servers.get(0).getLong("argumentBytes") > 200_000, servers.get(0)::toString);
        // A String argument is read through RMI's private path (no readObject): its bytes still count.
        assertTrue(servers.get(3).getLong("argumentBytes") >= "hello".length(), servers.get(3)::toString);
    }

    /** Sum per "channel direction": bytes, serialized bytes, operations. */
    static Map<String, long[]> channelTotals(Recording recording) {
        Map<String, long[]> totals = new HashMap<>();
        for (RecordedEvent event : recording.events("serialscope.ChannelStatistics")) {
            long[] total = totals.computeIfAbsent(event.getString("channel") + " " + event.getString("direction"),
                    k -> new long[3]);
            total[0] += event.getLong("bytes");
            total[1] += event.getLong("serializedBytes");
            total[2] += event.getLong("operations");
        }
        return totals;
    }
}
