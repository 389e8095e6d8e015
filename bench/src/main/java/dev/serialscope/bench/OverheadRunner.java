package dev.serialscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link SerializationBenchmark}, {@link SocketRoundTripBenchmark} and {@link FrameworkBenchmark} once per
 * agent configuration, and {@link EventCommitBenchmark} once per recording of the event alone, each in its own
 * fork; prints ns/op, allocation/op, the ratio to and the difference from the first configuration as one Markdown
 * table per suite. {@code --only REGEX} keeps the benchmarks whose name (Class.method) it is found in.
 *
 * <pre>java -jar bench/target/serialscope-bench.jar [--quick|--smoke] [--forks N] [--jdk JAVA_HOME] [--only REGEX] [--configs REGEX]</pre>
 *
 * {@code --configs REGEX} keeps the configurations whose name it is found in (the first kept is the baseline), so that
 * a before/after comparison of a few rows can run several forks in reasonable time.
 *
 * {@code --forks N} runs each configuration in N forks: a fork's JIT decisions move a benchmark by a few percent, so
 * small ratios need several.
 */
public final class OverheadRunner {

    /** Fork settings: {warmup iterations, warmup seconds, measurement iterations, measurement seconds, forks}. */
    private static final int[] FULL = {5, 2, 5, 2, 2};
    private static final int[] QUICK = {3, 1, 3, 1, 1};
    private static final int[] SMOKE = {0, 1, 1, 1, 1};

    private OverheadRunner() {
    }

    /** Benchmark classes run under one set of configurations, the first the baseline, and printed as one table. */
    private record Suite(String title, String classes, Map<String, List<String>> configurations) {

        /** JMH's include pattern: a lookahead, so that REGEX can match the class name as well as the method. */
        String include(String only) {
            return "^(?=.*(?:" + only + "))dev\\.serialscope\\.bench\\.(?:" + classes + ")\\.";
        }
    }

    public static void main(String[] args) throws IOException, RunnerException {
        int[] plan = FULL;
        int forks = -1;
        String javaHome = System.getProperty("java.home");
        String only = ".*";
        Pattern configs = Pattern.compile("");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    plan = QUICK;
                    break;
                case "--smoke":
                    plan = SMOKE;
                    break;
                case "--forks":
                    forks = Integer.parseInt(args[++i]);
                    break;
                case "--jdk":
                    javaHome = args[++i];
                    break;
                case "--only":
                    only = args[++i];
                    break;
                case "--configs":
                    configs = Pattern.compile(args[++i]);
                    break;
                default:
                    System.err.println("usage: OverheadRunner [--quick|--smoke] [--forks N] [--jdk JAVA_HOME] [--only REGEX] [--configs REGEX]");
                    System.exit(2);
            }
        }
        if (forks > 0) {
            plan = plan.clone();
            plan[4] = forks;
        }
        String agent = requiredProperty("serialscope.agent");
        Path profiles = Path.of(requiredProperty("serialscope.profiles"));
        Map<String, List<String>> withAgent = Configurations.agent(agent, profiles, featureVersion(javaHome));
        List<Suite> suites = List.of(
                new Suite("Java serialization", "SerializationBenchmark|SocketRoundTripBenchmark", withAgent),
                new Suite("Kryo, Jackson and Protobuf", "FrameworkBenchmark", Configurations.frameworks(agent, profiles)),
                new Suite("One committed serialscope.Serialization event, and the parts of a call's work, no agent",
                        "EventCommitBenchmark|HotPathPartsBenchmark",
                        Configurations.eventCommit()));
        StringBuilder tables = new StringBuilder();
        for (Suite suite : suites) {
            String include = suite.include(only);
            if (!selectsAny(include)) {
                continue;
            }
            Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> configuration : suite.configurations().entrySet()) {
                if (!configs.matcher(configuration.getKey()).find()) {
                    continue;
                }
                results.put(configuration.getKey(), run(plan, javaHome, include, configuration.getValue()));
            }
            if (!results.isEmpty()) {
                tables.append(table(suite.title(), results));
            }
        }
        if (tables.length() == 0) {
            System.err.println("no benchmark matches --only " + only + " with a configuration matching --configs");
            System.exit(2);
        }
        System.out.println();
        System.out.println("JDK: " + javaHome + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.print(tables);
    }

    private static boolean selectsAny(String include) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        return !BenchmarkList.defaultList().find(silent, List.of(include), List.of()).isEmpty();
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            System.err.println("set -D" + name + " (the bench module's pom gives the paths: mvn -pl bench exec)");
            System.exit(2);
        }
        return value;
    }

    /** The JDK's feature version from its release file, e.g. 17 or 25. */
    private static int featureVersion(String javaHome) throws IOException {
        for (String line : Files.readAllLines(Path.of(javaHome, "release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                return Integer.parseInt(version.split("[.+-]")[0]);
            }
        }
        throw new IOException("no JAVA_VERSION in " + javaHome + "/release");
    }

    /** Returns benchmark name to {ns/op, error, bytes allocated/op}. */
    private static Map<String, double[]> run(int[] plan, String javaHome, String include, List<String> jvmArgs)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .jvm(Path.of(javaHome, "bin", "java").toString())
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .warmupIterations(plan[0])
                .warmupTime(TimeValue.seconds(plan[1]))
                .measurementIterations(plan[2])
                .measurementTime(TimeValue.seconds(plan[3]))
                .forks(plan[4])
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult result : new Runner(options.build()).run()) {
            Result<?> primary = result.getPrimaryResult();
            double allocated = Double.NaN;
            for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    allocated = secondary.getValue().getScore();
                }
            }
            scores.put(name(result.getParams()), new double[] {primary.getScore(), primary.getScoreError(), allocated});
        }
        return scores;
    }

    /** The method's name, and its parameters if it has any. */
    private static String name(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        StringBuilder name = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.') + 1));
        for (String key : params.getParamsKeys()) {
            name.append(' ').append(key).append('=').append(params.getParam(key));
        }
        return name.toString();
    }

    private static String table(String title, Map<String, Map<String, double[]>> results) {
        String baselineName = results.keySet().iterator().next();
        Map<String, double[]> baseline = results.get(baselineName);
        StringBuilder table = new StringBuilder("\n").append(title).append("\n\n")
                .append("| benchmark | configuration | ns/op | ± | B/op | ratio to ").append(baselineName)
                .append(" | ns/op over ").append(baselineName).append(" |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> benchmark : baseline.entrySet()) {
            double base = benchmark.getValue()[0];
            for (Map.Entry<String, Map<String, double[]>> configuration : results.entrySet()) {
                double[] score = configuration.getValue().get(benchmark.getKey());
                if (score != null) {
                    table.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.3f | %+.0f |\n",
                            benchmark.getKey(), configuration.getKey(), score[0], score[1], score[2],
                            score[0] / base, score[0] - base));
                }
            }
        }
        return table.toString();
    }
}
