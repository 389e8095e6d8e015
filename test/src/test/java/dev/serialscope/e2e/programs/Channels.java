package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Person;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One write (and where the program can, one read) per kind of channel: memory, a file by absolute
 * and by relative name, both ends of a loopback socket, both ends of a pipe to a child process
 * ({@link PipeEcho}, whose own stdin and stdout are channels too), and a stream of the
 * program's own class. The child's calls are logged here with jvm=pipe-child.
 *
 * <p>Arguments: the expectation log file, then the JVM options for the child process (the test
 * passes the agent and a recording of its own).
 */
public final class Channels {

    private static final String CHILD_PID = "pipe (child pid %d)";

    /** An OutputStream the agent cannot know: it only counts. */
    public static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private Channels() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));
        List<String> childOptions = List.of(args).subList(1, args.length);
        Person ada = Fixtures.ada();
        long adaBytes = FreshStreamSize.of(ada);

        CaseThread.run("memory", () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ObjectOutputStream out = new ObjectOutputStream(bytes);
            int before = bytes.size();
            out.writeObject(ada);
            log.add(call(ExpectedCall.SERIALIZATION, ada, bytes.size() - before, "memory"));
            ByteArrayInputStream source = new ByteArrayInputStream(bytes.toByteArray());
            ObjectInputStream in = new ObjectInputStream(source);
            int available = source.available();
            Object copy = in.readObject();
            log.add(call(ExpectedCall.DESERIALIZATION, copy, available - source.available(), "memory"));
        });

        fileCase(log, "absolute file", new File("absolute.ser").getAbsoluteFile(), ada);
        fileCase(log, "relative file", new File("relative.ser"), ada);

        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            CaseThread.run("socket client", () -> {
                ObjectOutputStream out = new ObjectOutputStream(client.getOutputStream());
                out.writeObject(ada);
                out.flush();
                log.add(call(ExpectedCall.SERIALIZATION, ada, adaBytes, "socket " + remote(client)));
            });
            CaseThread.run("socket server", () -> {
                Object copy = new ObjectInputStream(accepted.getInputStream()).readObject();
                log.add(call(ExpectedCall.DESERIALIZATION, copy, adaBytes, "socket " + remote(accepted)));
            });
        }

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(childOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PipeEcho.class.getName()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String pipe = String.format(CHILD_PID, child.pid());
        CaseThread.run("pipe write", () -> {
            ObjectOutputStream out = new ObjectOutputStream(child.getOutputStream());
            out.writeObject(ada);
            out.flush();
            log.add(call(ExpectedCall.SERIALIZATION, ada, adaBytes, pipe));
        });
        CaseThread.run("pipe read", () -> {
            Object echo = new ObjectInputStream(child.getInputStream()).readObject();
            log.add(call(ExpectedCall.DESERIALIZATION, echo, adaBytes, pipe));
        });
        if (child.waitFor() != 0) {
            throw new IllegalStateException("PipeEcho exited with " + child.exitValue());
        }
        log.add(new ExpectedCall(ExpectedCall.PIPE_CHILD, CaseThread.PREFIX + "stdin", ExpectedCall.DESERIALIZATION,
                Person.class.getName(), adaBytes, null, null, null, "stdin", null, "child stdin", "", false));
        log.add(new ExpectedCall(ExpectedCall.PIPE_CHILD, CaseThread.PREFIX + "stdout", ExpectedCall.SERIALIZATION,
                Person.class.getName(), adaBytes, null, null, null, "stdout", null, "child stdout", "", null));

        CaseThread.run("unknown stream", () -> {
            CountingSink sink = new CountingSink();
            ObjectOutputStream out = new ObjectOutputStream(sink);
            long before = sink.count;
            out.writeObject(ada);
            log.add(call(ExpectedCall.SERIALIZATION, ada, sink.count - before,
                    "unknown (" + CountingSink.class.getName() + ")"));
        });
    }

    /** Writes to the file, then reads it back; FileOutputStream does not buffer, so sizes are exact. */
    private static void fileCase(ExpectationLog log, String name, File file, Object root) throws Exception {
        String channel = "file " + file.getAbsolutePath();
        CaseThread.run(name, () -> {
            try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(file))) {
                long before = file.length();
                out.writeObject(root);
                log.add(call(ExpectedCall.SERIALIZATION, root, file.length() - before, channel));
            }
            try (FileInputStream source = new FileInputStream(file);
                 ObjectInputStream in = new ObjectInputStream(source)) {
                long before = source.getChannel().position();
                Object copy = in.readObject();
                log.add(call(ExpectedCall.DESERIALIZATION, copy, source.getChannel().position() - before, channel));
            }
        });
    }

    private static String remote(Socket socket) {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /** A call on the current case thread, on a stream of its own (labelled by thread and direction). */
    private static ExpectedCall call(String event, Object root, long bytes, String channel) {
        String thread = Thread.currentThread().getName();
        return new ExpectedCall(ExpectedCall.SELF, thread, event, root.getClass().getName(), bytes, null, null,
                System.identityHashCode(root), channel, null, thread + " " + event, "",
                event.equals(ExpectedCall.DESERIALIZATION) ? false : null);
    }
}
