package dev.serialscope.rules.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Composition;

/**
 * Spark's task binaries and the values their closures capture. For each stage the driver serializes the
 * stage's RDD and function (a {@code scala.Tuple2}) once, and every task deserializes it again in
 * {@code Executor$TaskRunner.run}: whatever a closure captured is read once per task. The captured value is
 * found on the heaviest field path of a traced closure or task binary, where it ends in
 * {@code SerializedLambda.capturedArgs[i]}.
 */
public final class SparkClosures {

    /** What to do about a large value that a closure captured. */
    public static final String BROADCAST_ADVICE = "Broadcast the captured value: create it once on the driver with "
            + "sparkContext.broadcast(value) (JavaSparkContext.broadcast in Java) and read broadcast.value() inside the "
            + "function, so that it travels once per executor instead of inside every task; or build it on the "
            + "executors (mapPartitions, a lazily initialized holder) and capture only what each task needs.";

    static final String TASK_BINARY_CLASS = "scala.Tuple2";
    /** The frame every Spark task runs under, named after the site by {@code CallSites}. */
    static final String TASK_RUNNER = "Executor$TaskRunner.run";
    private static final String CAPTURED = "capturedArgs[";
    /** A captured value holding at least this share of the task binary is what makes it big. */
    private static final double DOMINANT_SHARE = 0.5;

    /** A value captured by a lambda, on the heaviest path of a traced call. */
    public record Captured(FieldPaths.Heaviest path, String lambdaClass) {

        /** {@code SparkJob$$Lambda}. */
        public String shortLambdaClass() {
            return Composition.shortName(lambdaClass);
        }
    }

    private SparkClosures() {
    }

    /** Whether reads of {@code rootClass} at {@code site} are Spark tasks reading their stage's task binary. */
    public static boolean isTaskBinary(String rootClass, String site) {
        return rootClass.equals(TASK_BINARY_CLASS) && site.contains(TASK_RUNNER);
    }

    /**
     * The largest value a lambda captured, from the heaviest paths of the traced writes, if it holds most of a
     * task binary of {@code taskBinaryBytes}.
     */
    public static Optional<Captured> capturedValue(List<Composition> compositions, CallTable writes,
            long taskBinaryBytes) {
        Set<String> rootClasses = new LinkedHashSet<>();
        compositions.forEach(composition -> rootClasses.add(composition.rootClass()));
        Captured best = null;
        for (String rootClass : rootClasses) {
            FieldPaths paths = FieldPaths.of(rootClass, compositions, writes);
            Optional<FieldPaths.Heaviest> heaviest = paths.heaviest();
            if (heaviest.isEmpty() || heaviest.get().bytesPerCall() < DOMINANT_SHARE * taskBinaryBytes) {
                continue;
            }
            String path = heaviest.get().path();
            int captured = path.lastIndexOf(CAPTURED);
            if (captured < 0 || path.indexOf('.', captured) >= 0) {
                continue; // not a captured value itself (a field inside one)
            }
            String lambdaPath = captured == 0 ? "" : path.substring(0, Math.max(0, captured - 1));
            String lambdaClass = lambdaPath.isEmpty() ? rootClass : valueClass(paths, lambdaPath);
            if (best == null || heaviest.get().bytesPerCall() > best.path().bytesPerCall()) {
                best = new Captured(heaviest.get(), lambdaClass);
            }
        }
        return Optional.ofNullable(best);
    }

    private static String valueClass(FieldPaths paths, String path) {
        FieldPaths.Total total = paths.totals().get(path);
        return total == null || total.valueClass() == null ? "" : total.valueClass();
    }
}
