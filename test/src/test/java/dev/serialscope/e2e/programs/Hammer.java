package dev.serialscope.e2e.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many threads serializing and deserializing at once. Call {@code i} of a thread (from 1) writes
 * a new string of {@link #length(long)} characters, so its event has exactly {@code length + 3}
 * bytes (TC_STRING, a two-byte length, the characters); batches of {@link #BATCH} strings go to one
 * stream, which is then read back on one stream and compared. The bytes of each call name the
 * call, so a lost or duplicated event shows in the multiset of sizes per thread.
 *
 * <p>Arguments: threads, calls per thread (0: until a file named "stop" exists in the working
 * directory, pausing 100 ms after each batch so that the volume stays bounded). Prints "ready" once every thread has finished a batch, then at the end one line
 * "count THREAD WRITES READS" per thread and "mismatches N".
 */
public final class Hammer {

    public static final int BATCH = 100;

    private Hammer() {
    }

    /** Characters of the string written by call {@code i} (1-based). */
    public static int length(long i) {
        return (int) (i % 200) + 1;
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long calls = Long.parseLong(args[1]);
        Path stop = Path.of("stop");
        CountDownLatch ready = new CountDownLatch(threads);
        AtomicLong mismatches = new AtomicLong();
        List<String> names = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            names.add(String.format("load-%02d", t));
        }
        Thread announcer = new Thread(() -> {
            try {
                ready.await();
                System.out.println("ready");
                System.out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        announcer.start();
        List<String> counts = new ArrayList<>();
        CaseThread.runConcurrently(names, () -> {
            long done = 0;
            boolean announced = false;
            while (calls > 0 ? done < calls : !Files.exists(stop)) {
                long batch = calls > 0 ? Math.min(BATCH, calls - done) : BATCH;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes);
                String[] written = new String[(int) batch];
                for (int k = 0; k < batch; k++) {
                    written[k] = new String("x".repeat(length(done + k + 1))); // a new object: never a back-reference
                    out.writeObject(written[k]);
                }
                out.flush();
                ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
                for (int k = 0; k < batch; k++) {
                    if (!written[k].equals(in.readObject())) {
                        mismatches.incrementAndGet();
                    }
                }
                done += batch;
                if (calls == 0) {
                    Thread.sleep(100);
                }
                if (!announced) {
                    announced = true;
                    ready.countDown();
                }
            }
            synchronized (counts) {
                counts.add("count " + Thread.currentThread().getName() + " " + done + " " + done);
            }
        });
        announcer.join();
        counts.stream().sorted().forEach(System.out::println);
        System.out.println("mismatches " + mismatches.get());
    }
}
