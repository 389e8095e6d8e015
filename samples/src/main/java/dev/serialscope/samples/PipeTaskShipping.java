package dev.serialscope.samples;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The classic task-shipping mistake of Spark-style engines: a driver sends tasks to a worker JVM
 * over the worker's stdin pipe, and every task carries the same large, read-only {@link Config}
 * as a field. The stream is reset between tasks (as a fresh stream per task would be), so the
 * whole config, about 270 KB, is serialized again with every task although the worker already
 * has it. The fix: ship the config once (a broadcast) and send tasks that only refer to it.
 *
 * <p>The worker is this class started with {@code --worker}: it reads tasks from stdin and answers
 * a {@link Result} per task on stdout.
 */
public final class PipeTaskShipping {

    private static final int TASKS = 20;
    private static final int CONFIG_ENTRIES = 3_000;
    /**
     * The pace at which the driver hands out tasks: they then span more than a second, so that the
     * production profile, which traces one call per second field by field, traces more than one.
     */
    private static final long WORK_MILLIS = 75;

    /** Settings every task needs to read, and none changes. */
    static final class Config implements Serializable {
        final Map<String, String> settings = new HashMap<>();

        static Config withEntries(int entries) {
            Config config = new Config();
            for (int i = 0; i < entries; i++) {
                config.settings.put(String.format("pipeline.stage%04d.option", i),
                        "value-" + i + "-" + "x".repeat(40 + i % 20));
            }
            return config;
        }
    }

    /** Sum the lengths of the config values whose index lies in [from, to). */
    record Task(int id, Config config, int from, int to) implements Serializable {
        long run() {
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += config.settings.get(String.format("pipeline.stage%04d.option", i)).length();
            }
            return sum;
        }
    }

    record Result(int taskId, long value) implements Serializable {
    }

    private PipeTaskShipping() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--worker")) {
            runWorker();
        } else {
            runDriver();
        }
    }

    private static void runDriver() throws IOException, ClassNotFoundException, InterruptedException {
        Config config = Config.withEntries(CONFIG_ENTRIES);
        Process worker = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                PipeTaskShipping.class.getName(), "--worker")
                .redirectError(Redirect.INHERIT)
                .start();
        long total = 0;
        try (ObjectOutputStream toWorker = new ObjectOutputStream(worker.getOutputStream())) {
            toWorker.flush(); // the stream header: the worker's ObjectInputStream waits for it
            ObjectInputStream fromWorker = new ObjectInputStream(worker.getInputStream());
            int slice = CONFIG_ENTRIES / TASKS;
            for (int id = 0; id < TASKS; id++) {
                Thread.sleep(WORK_MILLIS);
                toWorker.writeObject(new Task(id, config, id * slice, (id + 1) * slice));
                toWorker.flush();
                // The mistake: forgetting what the worker has seen makes the next task resend the config.
                toWorker.reset();
                total += ((Result) fromWorker.readObject()).value();
            }
        }
        int exitCode = worker.waitFor();
        System.out.printf("PipeTaskShipping: sent %d tasks, each with the same %d-entry config, to worker pid %d"
                + " (exit %d); total %d%n", TASKS, CONFIG_ENTRIES, worker.pid(), exitCode, total);
    }

    /** Runs in the child JVM; stdout carries serialized results only, so nothing else may print there. */
    private static void runWorker() throws IOException, ClassNotFoundException {
        ObjectInputStream tasks = new ObjectInputStream(System.in);
        ObjectOutputStream results = new ObjectOutputStream(System.out);
        for (int i = 0; i < TASKS; i++) {
            Task task = (Task) tasks.readObject();
            results.writeObject(new Result(task.id(), task.run()));
            results.flush();
        }
    }
}
