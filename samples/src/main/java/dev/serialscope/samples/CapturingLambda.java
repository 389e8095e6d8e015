package dev.serialscope.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A serializable lambda that drags its enclosing object along. {@link ReportJob#taskFor} returns a
 * task for a remote executor; the lambda only needs the job's name and the day, but it calls an
 * instance method, so it captures {@code this}, and with it the job's 200 KB {@code cache} of rendered
 * templates, which is serialized with every task. The fix: copy what the lambda needs into local
 * variables and call a static method, so that it captures only those.
 *
 * <p>The executor is stood in for by serializing each task to memory and running the copy.
 */
public final class CapturingLambda {

    private static final int TASKS = 30;
    private static final int CACHE_ENTRIES = 2_000;
    /**
     * The pace of the tasks: they then span more than two seconds, so that the production profile, which
     * traces one call per second field by field, traces several and sees the same cache in each.
     */
    private static final long WORK_MILLIS = 80;

    /** A unit of work that can be shipped to another JVM. */
    interface RemoteTask extends Runnable, Serializable {
    }

    /** A job that renders daily reports; the cache makes local rendering fast and is never needed remotely. */
    static final class ReportJob implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final Map<String, String> cache = new HashMap<>();
        private long rendered;

        ReportJob(String name) {
            this.name = name;
            for (int i = 0; i < CACHE_ENTRIES; i++) {
                cache.put(String.format("template-%05d", i), "<tr><td>" + i + "</td><td>" + "-".repeat(60) + "</td></tr>");
            }
        }

        /** The mistake: render(day) is an instance method, so the lambda captures this (and the cache). */
        RemoteTask taskFor(int day) {
            return () -> render(day);
        }

        void render(int day) {
            rendered += (name + "/day-" + day).length();
        }
    }

    private CapturingLambda() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException, InterruptedException {
        ReportJob job = new ReportJob("sales");
        long shipped = 0;
        for (int day = 0; day < TASKS; day++) {
            byte[] bytes = ship(job.taskFor(day));
            shipped += bytes.length;
            run(bytes);
            Thread.sleep(WORK_MILLIS);
        }
        System.out.printf("CapturingLambda: shipped %d report tasks, %d bytes in all (%d per task);"
                + " each captured the whole ReportJob%n", TASKS, shipped, shipped / TASKS);
    }

    /** Stands in for sending the task to an executor: serializes it with a stream of its own. */
    private static byte[] ship(RemoteTask task) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        }
        return bytes.toByteArray();
    }

    /** Stands in for the executor: reads the task back and runs it. */
    private static void run(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            ((RemoteTask) in.readObject()).run();
        }
    }
}
