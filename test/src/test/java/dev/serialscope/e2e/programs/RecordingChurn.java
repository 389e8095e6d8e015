package dev.serialscope.e2e.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Four threads serialize and deserialize (the same calls as {@link Hammer}) while another thread
 * starts, dumps and stops JFR recordings in a loop: with the diagnose and the production profile,
 * with the JDK's default settings only, with SerialScope's events disabled, and snapshots. The
 * recording started on the command line runs throughout and must still have every call.
 *
 * <p>Arguments: the directory of SerialScope's .jfc files, the calls per thread. Prints
 * "count THREAD WRITES READS" per thread, "mismatches N", "recordings N" and "errors N".
 */
public final class RecordingChurn {

    private RecordingChurn() {
    }

    public static void main(String[] args) throws Exception {
        Path settings = Path.of(args[0]);
        int calls = Integer.parseInt(args[1]);
        Configuration diagnose = Configuration.create(settings.resolve("diagnose.jfc"));
        Configuration production = Configuration.create(settings.resolve("production.jfc"));
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong recordings = new AtomicLong();
        List<Throwable> errors = new ArrayList<>();
        Thread churn = new Thread(() -> {
            int round = 0;
            while (!done.get()) {
                try {
                    Recording recording;
                    switch (round % 5) {
                        case 0 -> recording = new Recording(diagnose);
                        case 1 -> recording = new Recording(production);
                        case 2 -> recording = new Recording(Configuration.getConfiguration("default"));
                        case 3 -> {
                            recording = new Recording(diagnose);
                            recording.disable("serialscope.Serialization");
                            recording.disable("serialscope.Deserialization");
                        }
                        default -> recording = FlightRecorder.getFlightRecorder().takeSnapshot();
                    }
                    if (recording.getState() == jdk.jfr.RecordingState.NEW) {
                        recording.start();
                    }
                    Thread.sleep(40);
                    recording.dump(Path.of("churn-" + round + ".jfr"));
                    if (recording.getState() == jdk.jfr.RecordingState.RUNNING) {
                        recording.stop();
                    }
                    recording.close();
                    recordings.incrementAndGet();
                    round++;
                } catch (Throwable t) {
                    synchronized (errors) {
                        errors.add(t);
                    }
                }
            }
        }, "churn");
        churn.start();
        AtomicLong mismatches = new AtomicLong();
        List<String> counts = new ArrayList<>();
        try {
            CaseThread.runConcurrently(List.of("churn-0", "churn-1", "churn-2", "churn-3"), () -> {
                for (long done1 = 0; done1 < calls; done1 += Hammer.BATCH) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ObjectOutputStream out = new ObjectOutputStream(bytes);
                    String[] written = new String[Hammer.BATCH];
                    for (int k = 0; k < Hammer.BATCH; k++) {
                        written[k] = new String("x".repeat(Hammer.length(done1 + k + 1)));
                        out.writeObject(written[k]);
                    }
                    ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
                    for (int k = 0; k < Hammer.BATCH; k++) {
                        if (!written[k].equals(in.readObject())) {
                            mismatches.incrementAndGet();
                        }
                    }
                    Thread.sleep(100);
                }
                synchronized (counts) {
                    counts.add("count " + Thread.currentThread().getName() + " " + calls + " " + calls);
                }
            });
        } finally {
            done.set(true);
            churn.join();
        }
        counts.stream().sorted().forEach(System.out::println);
        System.out.println("mismatches " + mismatches.get());
        System.out.println("recordings " + recordings.get());
        System.out.println("errors " + errors.size());
        errors.forEach(Throwable::printStackTrace);
    }
}
