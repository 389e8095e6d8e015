package dev.serialscope.e2e.frameworks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jackson and Protobuf writing straight to a socket stream: every byte leaves the process inside
 * the library call, so the channel statistics must count all of it as serialized, and the channel
 * I/O events must name the framework and the root class. Writes one line per socket to the file
 * named by the first argument: {@code framework TAB channel TAB bytesThePeerReceived}.
 */
public final class FrameworkChannels {

    /** The Jackson message: ~100 KB of JSON. */
    public static final class Report {
        public String title = "report";
        public List<String> lines = new ArrayList<>();
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        send(out, "jackson", stream -> {
            ObjectMapper mapper = new ObjectMapper();
            mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            for (int i = 0; i < 5; i++) {
                Report report = new Report();
                for (int line = 0; line < 2000; line++) {
                    report.lines.add("line " + i + "." + line);
                }
                mapper.writeValue(stream, report);
            }
        });
        send(out, "protobuf", stream -> {
            for (int i = 0; i < 5; i++) {
                ListValue.Builder values = ListValue.newBuilder();
                for (int v = 0; v < 3000; v++) {
                    values.addValues(Value.newBuilder().setStringValue("value " + i + "." + v));
                }
                Struct message = Struct.newBuilder().putFields("values", Value.newBuilder().setListValue(values).build())
                        .build();
                message.writeTo(stream);
            }
        });
    }

    interface Writer {
        void write(OutputStream stream) throws Exception;
    }

    private static void send(Path out, String framework, Writer writer) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicLong received = new AtomicLong();
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0;) {
                        received.addAndGet(n);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, framework + "-peer");
            peer.start();
            String channel;
            try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                channel = "socket " + s.getInetAddress().getHostAddress() + ":" + s.getPort();
                writer.write(s.getOutputStream());
            }
            peer.join();
            Files.writeString(out, framework + "\t" + channel + "\t" + received.get() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
