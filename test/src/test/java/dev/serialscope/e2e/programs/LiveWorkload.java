package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Point;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service to watch live: prints "ready", serializes nothing until a file named "go" appears in the working
 * directory, then writes {@value #POINTS} points and reads them back, every call logged with its bytes, sends
 * {@value #PIPE_BYTES} bytes through {@code cat} in a child process and reads them back (its only pipe traffic),
 * prints "done" and idles until a file named "stop" appears (so that a session can detach from it while it runs).
 *
 * <p>Argument: the expectation log file.
 */
public final class LiveWorkload {

    public static final int POINTS = 400;
    /** Less than a pipe's buffer, so that cat never waits for its reader while the program still writes. */
    public static final int PIPE_BYTES = 20_000;

    private LiveWorkload() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));
        System.out.println("ready");
        System.out.flush();
        await("go");
        work(log);
        echoThroughPipe();
        System.out.println("done");
        System.out.flush();
        await("stop");
    }

    private static void work(ExpectationLog log) throws Exception {
        MeasuredOutput points = new MeasuredOutput(log, "points");
        for (int i = 0; i < POINTS; i++) {
            points.writeObject(new Point(i, -i), null, null);
        }
        MeasuredInput back = new MeasuredInput(log, "points back", points.toByteArray());
        for (int i = 0; i < POINTS; i++) {
            if (!new Point(i, -i).equals(back.readObject(null, null))) {
                throw new AssertionError("point " + i + " read back wrong");
            }
        }
    }

    private static void echoThroughPipe() throws Exception {
        Process cat = new ProcessBuilder("cat").start();
        try (OutputStream toCat = cat.getOutputStream()) {
            toCat.write(new byte[PIPE_BYTES]);
        }
        byte[] back;
        try (InputStream fromCat = cat.getInputStream()) {
            back = fromCat.readAllBytes();
        }
        if (cat.waitFor() != 0 || back.length != PIPE_BYTES) {
            throw new AssertionError("cat sent back " + back.length + " of " + PIPE_BYTES + " bytes");
        }
    }

    private static void await(String file) throws InterruptedException {
        while (!Files.exists(Path.of(file))) {
            Thread.sleep(20);
        }
    }
}
