package dev.serialscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SerializationBenchmark} and {@link SocketRoundTripBenchmark} once per agent configuration, each in its own fork, and
 * prints ns/op, allocation/op and the ratio to "no agent" as a Markdown table.
 *
 * <pre>java -jar bench/target/serialscope-bench.jar [--quick|--smoke] [--jdk JAVA_HOME] [--only REGEX]</pre>
 */
public final class OverheadRunner {

    /** Fork settings: {warmup iterations, warmup seconds, measurement iterations, measurement seconds, forks}. */
    private static final int[] FULL = {5, 2, 5, 2, 2};
    private static final int[] QUICK = {3, 1, 3, 1, 1};
    private static final int[] SMOKE = {0, 1, 1, 1, 1};

    private OverheadRunner() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        int[] plan = FULL;
        String javaHome = System.getProperty("java.home");
        String only = ".*";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    plan = QUICK;
                    break;
                case "--smoke":
                    plan = SMOKE;
                    break;
                case "--jdk":
                    javaHome = args[++i];
                    break;
                case "--only":
                    only = args[++i];
                    break;
                default:
                    System.err.println("usage: OverheadRunner [--quick|--smoke] [--jdk JAVA_HOME] [--only REGEX]");
                    System.exit(2);
            }
        }
        String agent = requiredProperty("serialscope.agent");
        Path profiles = Path.of(requiredProperty("serialscope.profiles"));
        Map<String, List<String>> configurations = configurations(agent, profiles, featureVersion(javaHome));
        Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> configuration : configurations.entrySet()) {
            results.put(configuration.getKey(), run(plan, javaHome, only, configuration.getValue()));
        }
        print(results, javaHome);
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

    private static Map<String, List<String>> configurations(String agent, Path profiles, int jdk) throws IOException {
        String javaagent = "-javaagent:" + agent;
        String quiet = "-Xlog:jfr+startup=error";
        Path oursOff = Files.createTempFile("serialscope-off-", ".jfc");
        oursOff.toFile().deleteOnExit();
        StringBuilder off = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration version=\"2.0\">\n");
        for (String event : List.of("Serialization", "Deserialization", "SerializationStatistics", "StatisticsFlush",
                "SerializationComposition", "ChannelStatistics", "ChannelStatisticsFlush", "ChannelIO", "RmiCall")) {
            off.append("  <event name=\"serialscope.").append(event).append("\"><setting name=\"enabled\">false</setting></event>\n");
        }
        Files.writeString(oursOff, off.append("</configuration>\n"));
        Map<String, List<String>> configurations = new LinkedHashMap<>();
        configurations.put("no agent", List.of());
        configurations.put("agent, no recording", List.of(javaagent));
        configurations.put("agent, recording without our events", List.of(javaagent, quiet,
                "-XX:StartFlightRecording:settings=default,settings=" + oursOff));
        configurations.put("agent, production profile", List.of(javaagent, quiet,
                "-XX:StartFlightRecording:settings=default,settings=" + profiles.resolve("production.jfc")));
        configurations.put("agent, diagnose profile", List.of(javaagent, quiet,
                "-XX:StartFlightRecording:settings=default,settings=" + profiles.resolve("diagnose.jfc")));
        // The production profile with every call traced field by field: the difference to the production
        // profile is what one traced (sampled) call costs.
        Path everyCallTraced = Files.createTempFile("serialscope-traced-", ".jfc");
        everyCallTraced.toFile().deleteOnExit();
        Files.writeString(everyCallTraced, Files.readString(profiles.resolve("production.jfc"))
                .replace("<setting name=\"sampling\">1/s</setting>", "<setting name=\"sampling\">all</setting>")
                .replace("<setting name=\"sizeFloor\">64 KiB</setting>", "<setting name=\"sizeFloor\">0 B</setting>"));
        configurations.put("agent, production profile, every call traced", List.of(javaagent, quiet,
                "-XX:StartFlightRecording:settings=default,settings=" + everyCallTraced));
        if (jdk >= 25) {
            // JEP 520: the JDK times writeObject itself (nested calls included), with no agent.
            configurations.put("no agent, JDK method timing of writeObject", List.of(quiet,
                    "-XX:StartFlightRecording:settings=default,method-timing=java.io.ObjectOutputStream::writeObject"));
        }
        return configurations;
    }

    /** Returns benchmark name to {ns/op, error, bytes allocated/op}. */
    private static Map<String, double[]> run(int[] plan, String javaHome, String only, List<String> jvmArgs)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("dev\\.serialscope\\.bench\\.(SerializationBenchmark|SocketRoundTripBenchmark)\\." + only)
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
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            Result<?> primary = result.getPrimaryResult();
            double allocated = Double.NaN;
            for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    allocated = secondary.getValue().getScore();
                }
            }
            scores.put(name, new double[] {primary.getScore(), primary.getScoreError(), allocated});
        }
        return scores;
    }

    private static void print(Map<String, Map<String, double[]>> results, String javaHome) {
        Map<String, double[]> baseline = results.values().iterator().next();
        System.out.println();
        System.out.println("JDK: " + javaHome + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.println();
        System.out.println("| benchmark | configuration | ns/op | ± | B/op | ratio to no agent |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        List<String> benchmarks = new ArrayList<>(baseline.keySet());
        for (String benchmark : benchmarks) {
            double base = baseline.get(benchmark)[0];
            for (Map.Entry<String, Map<String, double[]>> configuration : results.entrySet()) {
                double[] score = configuration.getValue().get(benchmark);
                if (score != null) {
                    System.out.println(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.3f |",
                            benchmark, configuration.getKey(), score[0], score[1], score[2], score[0] / base));
                }
            }
        }
    }
}
