package dev.serialscope.e2e.programs;

import dev.serialscope.e2e.programs.Fixtures.Person;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Bounded memory: {@code calls} serializations of distinct objects (a new Person each time) and
 * of repeated ones (the same Person again, on the same and on new streams), with a new stream
 * every 1,000 calls and every 10th batch read back. Prints the heap used after full GCs before and
 * after the work ("heap before N", "heap after N") and, under -XX:NativeMemoryTracking, the
 * committed native memory outside the Java heap, the JIT compiler's arenas and JFR ("native before N",
 * "native after N"), and JFR's own, NMT's Tracing, apart ("jfr before N", "jfr after N"): JFR's
 * memory follows the number of events written, which the agent decides only through the settings.
 *
 * <p>Argument: the number of serializations.
 */
public final class MemoryWorkload {

    private MemoryWorkload() {
    }

    /** Discards what it is given, so the bytes themselves take no memory. */
    static final class Sink extends OutputStream {
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

    public static void main(String[] args) throws Exception {
        long calls = Long.parseLong(args[0]);
        // Warm-up: load every class the work uses, outside the measurement.
        work(20_000);
        long heapBefore = heapAfterGc();
        long nativeBefore = nativeCommitted();
        long jfrBefore = jfrCommitted();
        long start = System.nanoTime();
        long bytes = work(calls);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = heapAfterGc();
        long nativeAfter = nativeCommitted();
        long jfrAfter = jfrCommitted();
        System.out.println("calls " + calls + " bytes " + bytes + " in " + millis + " ms");
        System.out.println("heap before " + heapBefore);
        System.out.println("heap after " + heapAfter);
        System.out.println("native before " + nativeBefore);
        System.out.println("native after " + nativeAfter);
        System.out.println("jfr before " + jfrBefore);
        System.out.println("jfr after " + jfrAfter);
    }

    private static long work(long calls) throws Exception {
        Person repeated = new Person("repeated", 1);
        long total = 0;
        long done = 0;
        int batch = 0;
        while (done < calls) {
            boolean readBack = batch++ % 10 == 0;
            ByteArrayOutputStream memory = readBack ? new ByteArrayOutputStream() : null;
            Sink sink = new Sink();
            ObjectOutputStream out = new ObjectOutputStream(readBack ? memory : sink);
            int inBatch = (int) Math.min(1_000, calls - done);
            for (int i = 0; i < inBatch; i++) {
                out.writeObject(i % 2 == 0 ? new Person("distinct " + (done + i), i) : repeated);
                if (i % 100 == 99) {
                    out.reset();
                }
            }
            out.flush();
            done += inBatch;
            if (readBack) {
                ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(memory.toByteArray()));
                for (int i = 0; i < inBatch; i++) {
                    in.readObject();
                }
                total += memory.size();
            } else {
                total += sink.count;
            }
        }
        return total;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Committed native memory from NMT (-1 when NMT is off), without the Java heap, the JIT
     * compiler's memory (Compiler, Arena Chunk), which comes and goes with compilations, and JFR's.
     */
    private static long nativeCommitted() throws Exception {
        String summary = nativeMemorySummary();
        long total = -1;
        long excluded = 0;
        for (String line : summary.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Total:")) {
                total = committed(trimmed);
            } else if (trimmed.matches("-\\s+(Java Heap|Compiler|Arena Chunk|Tracing) \\(.*")) {
                excluded += committed(trimmed);
            }
        }
        return total < 0 ? -1 : total - excluded;
    }

    /** JFR's committed native memory (NMT's Tracing), -1 when NMT is off. */
    private static long jfrCommitted() throws Exception {
        for (String line : nativeMemorySummary().split("\n")) {
            if (line.trim().matches("-\\s+Tracing \\(.*")) {
                return committed(line.trim());
            }
        }
        return -1;
    }

    private static String nativeMemorySummary() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary", "scale=b"}}, new String[] {String[].class.getName()});
    }

    private static long committed(String line) {
        int at = line.indexOf("committed=");
        if (at < 0) {
            return 0;
        }
        String number = line.substring(at + "committed=".length()).replaceAll("[^0-9].*", "");
        return Long.parseLong(number);
    }
}
