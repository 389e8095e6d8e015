package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Point;
import dev.serialscope.e2e.programs.Fixtures.Unserializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Many small calls and a few large ones, on several threads at once and across more than one
 * statistics period, with every call logged. Under the production settings only the large calls
 * (at least 64 KiB) and any slow ones get per-call events, while the statistics rows must still
 * add up to all of the logged calls.
 *
 * <p>Argument: the expectation log file.
 */
public final class StatisticsWorkload {

    private static final int LARGE = 100_000;

    private StatisticsWorkload() {
    }

    public static void main(String[] args) throws Exception {
        ExpectationLog log = ExpectationLog.at(Path.of(args[0]));
        CaseThread.runConcurrently(List.of("workload 1", "workload 2", "workload 3", "workload 4"), () -> work(log));
    }

    private static void work(ExpectationLog log) throws Exception {
        String thread = Thread.currentThread().getName();
        MeasuredOutput points = new MeasuredOutput(log, thread + " points");
        MeasuredOutput strings = new MeasuredOutput(log, thread + " strings");
        MeasuredOutput blobs = new MeasuredOutput(log, thread + " blobs");
        MeasuredOutput failing = new MeasuredOutput(log, thread + " failing");
        for (int i = 0; i < 300; i++) {
            points.writeObject(new Point(i, -i), null, null);
            if (i % 50 == 49) {
                points.reset();
            }
        }
        for (int i = 0; i < 200; i++) {
            strings.writeObject("message " + i, null, null);
        }
        blobs.writeObject(new byte[LARGE], null, null);
        for (int i = 0; i < 2; i++) {
            failing.writeObjectFailing(new Unserializable());
        }

        // Longer than the 1 s statistics period: the totals must survive being split into periods.
        Thread.sleep(1_500);

        MeasuredInput pointsBack = new MeasuredInput(log, thread + " points back", points.toByteArray());
        for (int i = 0; i < 300; i++) {
            pointsBack.readObject(null, null);
        }
        new MeasuredInput(log, thread + " blobs back", blobs.toByteArray()).readObject(null, null);
        blobs.writeObject(new byte[LARGE], null, null);
        for (int i = 300; i < 400; i++) {
            points.writeObject(new Point(i, -i), null, null);
        }
    }
}
