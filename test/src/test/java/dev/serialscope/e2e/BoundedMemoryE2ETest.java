package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.MemoryWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded memory: {@link MemoryWorkload} serializes distinct and repeated objects under the
 * diagnose profile (every call an event, content hashes, composition tracing), with and without the
 * agent, and reports the heap after GC and NMT's committed native memory (without heap, JIT
 * arenas and JFR) before and after the work. The agent must not make either grow: its growth over
 * the run stays within a small bound of the run without the agent, and its heap stays within a
 * fixed overhead. JFR's own native memory (NMT's Tracing) is printed apart: it grows with the
 * number of events written, which here is every call, and is JFR's, not the agent's. 200,000 calls by default; {@code mvn -Plong} (or -Dserialscope.test.memoryCalls=N) runs
 * 10 million. The numbers are printed for the record.
 */
class BoundedMemoryE2ETest {

    private static final long MIB = 1024 * 1024;
    /** Heap the agent may keep for good (event objects, tables, caches): a fixed amount. */
    private static final long HEAP_OVERHEAD = 16 * MIB;
    /** How much more the heap or native memory may grow over the run with the agent than without. */
    private static final long GROWTH = 8 * MIB;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void heapAndNativeMemoryStayBounded(Jdk jdk, @TempDir Path dir) throws Exception {
        String calls = System.getProperty("serialscope.test.memoryCalls", "200000");
        Map<String, Long> with = measure(ChildJvm.on(jdk, Files.createDirectory(dir.resolve("with-agent")))
                .withAgent().recording(Profile.DIAGNOSE), calls);
        Map<String, Long> without = measure(ChildJvm.on(jdk, Files.createDirectory(dir.resolve("without-agent")))
                .recording(Profile.DIAGNOSE), calls);
        String report = String.format("%s, %s calls: heap after GC before/after the work: with the agent %.1f/%.1f MiB,"
                        + " without %.1f/%.1f MiB; native (NMT committed, no heap, JIT arenas or JFR): with %.1f/%.1f MiB,"
                        + " without %.1f/%.1f MiB; JFR's own (NMT Tracing) with the agent %.1f/%.1f MiB;"
                        + " time with %d ms, without %d ms",
                jdk, calls, mib(with.get("heap before")), mib(with.get("heap after")), mib(without.get("heap before")),
                mib(without.get("heap after")), mib(with.get("native before")), mib(with.get("native after")),
                mib(without.get("native before")), mib(without.get("native after")), mib(with.get("jfr before")),
                mib(with.get("jfr after")), with.get("ms"), without.get("ms"));
        System.out.println("[bounded memory] " + report);
        long heapGrowth = growth(with, "heap") - growth(without, "heap");
        long nativeGrowth = growth(with, "native") - growth(without, "native");
        assertAll(
                () -> assertTrue(heapGrowth <= GROWTH, "the heap grew " + mib(heapGrowth) + " MiB more with the agent: "
                        + report),
                () -> assertTrue(with.get("heap after") - without.get("heap after") <= HEAP_OVERHEAD,
                        "the agent keeps more than " + mib(HEAP_OVERHEAD) + " MiB of heap: " + report),
                () -> assertTrue(nativeGrowth <= GROWTH, "native memory grew " + mib(nativeGrowth)
                        + " MiB more with the agent: " + report));
    }

    private static Map<String, Long> measure(ChildJvm child, String calls) throws Exception {
        ChildRun run = child.options("-XX:NativeMemoryTracking=summary", "-XX:+UseSerialGC", "-Xmx256m")
                .timeoutSeconds(3600).run(MemoryWorkload.class, calls).assertSucceeded();
        Map<String, Long> values = new HashMap<>();
        run.stdout().lines().forEach(line -> {
            for (String key : new String[] {"heap before", "heap after", "native before", "native after", "jfr before",
                "jfr after"}) {
                if (line.startsWith(key + " ")) {
                    values.put(key, Long.parseLong(line.substring(key.length() + 1).trim()));
                }
            }
            if (line.startsWith("calls ")) {
                String[] parts = line.split(" ");
                values.put("ms", Long.parseLong(parts[parts.length - 2]));
            }
        });
        assertTrue(values.size() == 7, "MemoryWorkload printed " + values + "\n" + run.output());
        return values;
    }

    private static long growth(Map<String, Long> values, String what) {
        return values.get(what + " after") - values.get(what + " before");
    }

    private static double mib(long bytes) {
        return bytes / (double) MIB;
    }
}
