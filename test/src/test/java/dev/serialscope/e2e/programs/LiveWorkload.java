package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Point;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service to watch live: prints "ready", serializes nothing until a file named "go" appears in the working
 * directory, then writes {@value #POINTS} points and reads them back, every call logged with its bytes, prints
 * "done" and idles until a file named "stop" appears (so that a session can detach from it while it runs).
 *
 * <p>Argument: the expectation log file.
 */
public final class LiveWorkload {

    public static final int POINTS = 400;

    private LiveWorkload() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));
        System.out.println("ready");
        System.out.flush();
        await("go");
        work(log);
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

    private static void await(String file) throws InterruptedException {
        while (!Files.exists(Path.of(file))) {
            Thread.sleep(20);
        }
    }
}
