package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.Hammer;
import dev.serialscope.e2e.programs.WriteCalls;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to every command of the launcher (analyze, summary, attach, record), from a corpus made
 * here: a missing file, a directory, an empty file, a recording cut at several offsets, random
 * bytes, a gzip of a recording, a recording without SerialScope's events, a huge recording
 * (generated, about 50 MB) and wrong options. Each bad input gives one line on stderr, the
 * documented exit code (2 bad usage, 3 bad input or JVM not attachable) and no stack trace, and
 * nothing is written to the -o path (an existing file there is left alone). A recording from JDK 11
 * is not in the corpus: no JDK 11 is installed where these tests run.
 */
class BadInputE2ETest {

    @TempDir
    static Path corpus;
    static Path recording;
    static Path withoutSerialScope;

    @BeforeAll
    static void makeRecordings() throws Exception {
        Jdk jdk = Jdks.all().findFirst().orElseThrow();
        ChildJvm child = ChildJvm.on(jdk, Files.createDirectory(corpus.resolve("with"))).withAgent()
                .recording(Profile.DIAGNOSE);
        recording = child.run(WriteCalls.class, child.expectationFile().toString()).assertSucceeded().recordingFile();
        ChildJvm plain = ChildJvm.on(jdk, Files.createDirectory(corpus.resolve("without"))).recording(Profile.DIAGNOSE);
        withoutSerialScope = plain.run(WriteCalls.class, plain.expectationFile().toString()).assertSucceeded()
                .recordingFile();
    }

    /** analyze and summary on each broken file: exit 3, one line, no stack trace, no report at -o. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void brokenRecordings(Jdk jdk, @TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(recording);
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("missing file", dir.resolve("missing.jfr"));
        inputs.put("directory", Files.createDirectory(dir.resolve("a-directory.jfr")));
        inputs.put("empty file", Files.write(dir.resolve("empty.jfr"), new byte[0]));
        for (int cut : new int[] {1, 3, 4, 16, 68, 200, whole.length / 3, whole.length / 2, whole.length - 1}) {
            inputs.put("cut at " + cut, Files.write(dir.resolve("cut-" + cut + ".jfr"), Arrays.copyOf(whole, cut)));
        }
        byte[] noise = new byte[64 * 1024];
        new Random(8).nextBytes(noise);
        inputs.put("random bytes", Files.write(dir.resolve("noise.jfr"), noise));
        byte[] flr = Arrays.copyOf("FLR\0".getBytes(), 4096);
        new Random(9).nextBytes(noise);
        System.arraycopy(noise, 0, flr, 4, flr.length - 4);
        inputs.put("magic then random bytes", Files.write(dir.resolve("flr-noise.jfr"), flr));
        inputs.put("recording without SerialScope events", withoutSerialScope);

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            String file = input.getValue().toString();
            Path out = dir.resolve("report.out");
            expectError(problems, input.getKey(), 3, out, Launcher.run(jdk, dir, 120, "analyze", file, "-o", out.toString()));
            expectError(problems, input.getKey() + " (json)", 3, out,
                    Launcher.run(jdk, dir, 120, "analyze", file, "--format", "json", "-o", out.toString()));
            expectError(problems, input.getKey(), 3, null, Launcher.run(jdk, dir, 120, "summary", file));
        }
        assertEquals(List.of(), problems, "analyze/summary on broken input");
    }

    /** A gzip of a good recording: every command reads it, or every command says it is compressed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void gzippedRecording(Jdk jdk, @TempDir Path dir) throws Exception {
        Path gz = dir.resolve("recording.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(recording, out);
        }
        Map<String, Launcher.Result> results = new LinkedHashMap<>();
        results.put("analyze", Launcher.run(jdk, dir, 120, "analyze", gz.toString()));
        results.put("analyze --format html", Launcher.run(jdk, dir, 120, "analyze", gz.toString(), "--format", "html",
                "-o", dir.resolve("report.html").toString()));
        results.put("summary", Launcher.run(jdk, dir, 120, "summary", gz.toString()));
        List<String> problems = new ArrayList<>();
        boolean anyRead = results.values().stream().anyMatch(result -> result.exitCode() == 0);
        results.forEach((command, result) -> {
            if (anyRead && result.exitCode() != 0) {
                problems.add(command + " refuses a gzipped recording that another command reads: " + result.describe());
            } else if (!anyRead) {
                expectError(problems, "gzip", 3, null, result);
                if (!result.stderr().toLowerCase().contains("compress") && !result.stderr().contains("gzip")) {
                    problems.add(command + " does not say that the file is compressed: " + result.stderr().strip());
                }
            }
        });
        assertEquals(List.of(), problems, "gzipped recording");
    }

    /** Wrong options of every command: exit 2 (bad usage), one line, nothing written. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void wrongOptions(Jdk jdk, @TempDir Path dir) throws Exception {
        String file = recording.toString();
        Path out = dir.resolve("out.txt");
        Map<String, String[]> usage = new LinkedHashMap<>();
        usage.put("unknown command", new String[] {"analyse", file});
        usage.put("analyze without a file", new String[] {"analyze", "-o", out.toString()});
        usage.put("analyze --format xml", new String[] {"analyze", file, "--format", "xml", "-o", out.toString()});
        usage.put("analyze --min bogus", new String[] {"analyze", file, "--min", "bogus", "-o", out.toString()});
        usage.put("analyze unknown option", new String[] {"analyze", file, "--frobnicate", "-o", out.toString()});
        usage.put("analyze unknown setting", new String[] {"analyze", file, "--set", "nope.x=1", "-o", out.toString()});
        usage.put("analyze setting without unit", new String[] {"analyze", file, "--set",
                "serialscope.largePayload.infoSize=12", "-o", out.toString()});
        usage.put("analyze -o without value", new String[] {"analyze", file, "-o"});
        usage.put("summary without a file", new String[] {"summary"});
        usage.put("summary with two files", new String[] {"summary", file, file});
        usage.put("summary --top 0", new String[] {"summary", file, "--top", "0"});
        usage.put("summary --by bogus", new String[] {"summary", file, "--by", "bogus"});
        usage.put("attach without pid", new String[] {"attach"});
        usage.put("attach non-numeric pid", new String[] {"attach", "abc", "-o", out.toString()});
        usage.put("attach bad duration", new String[] {"attach", "1", "--duration", "soon", "-o", out.toString()});
        usage.put("attach bad profile", new String[] {"attach", "1", "--profile", "verbose", "-o", out.toString()});
        usage.put("attach -o without value", new String[] {"attach", "1", "-o"});
        usage.put("record without --", new String[] {"record", "-o", out.toString()});
        usage.put("record non-java command", new String[] {"record", "-o", out.toString(), "--", "ls"});
        usage.put("record bad profile", new String[] {"record", "-o", out.toString(), "--profile", "x", "--",
                jdk.java().toString(), "-version"});
        List<String> problems = new ArrayList<>();
        // Without a command the launcher prints its usage: exit 2, however many lines.
        Launcher.Result noCommand = Launcher.run(jdk, dir, 120);
        if (noCommand.exitCode() != 2 || !noCommand.stderr().startsWith("usage:")) {
            problems.add("no command: " + noCommand.describe());
        }
        for (Map.Entry<String, String[]> entry : usage.entrySet()) {
            expectError(problems, entry.getKey(), 2, out, Launcher.run(jdk, dir, 120, entry.getValue()));
        }
        assertEquals(List.of(), problems, "wrong options");
    }

    /** attach to a pid that is no JVM: exit 3, one line, and an existing file at -o is left alone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void attachFailuresLeaveTheOutputAlone(Jdk jdk, @TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder(jdk.java().toString(), "-version").start();
        gone.waitFor();
        Path existing = Files.writeString(dir.resolve("previous.jfr"), "an earlier recording the user keeps");
        Launcher.Result result = Launcher.run(jdk, dir, 120, "attach", String.valueOf(gone.pid()), "-o",
                existing.toString(), "--duration", "1s");
        List<String> problems = new ArrayList<>();
        expectError(problems, "attach to a pid that has exited", 3, null, result);
        if (!Files.exists(existing)) {
            problems.add("attach deleted the existing file at -o although it could not attach");
        }
        Path fresh = dir.resolve("fresh.jfr");
        expectError(problems, "attach to a pid that has exited, new -o", 3, fresh, Launcher.run(jdk, dir, 120,
                "attach", String.valueOf(gone.pid()), "-o", fresh.toString(), "--duration", "1s"));
        assertEquals(List.of(), problems, "attach failures");
    }

    /** record with a java command that cannot start: the program's exit code, no recording at -o. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.serialscope.e2e.Jdks#all")
    void recordOfAJvmThatCannotStart(Jdk jdk, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("never.jfr");
        Launcher.Result result = Launcher.run(jdk, dir, 120, "record", "-o", out.toString(), "--",
                jdk.java().toString(), "-XX:+NoSuchOption", "-version");
        List<String> problems = new ArrayList<>();
        if (result.exitCode() == 0) {
            problems.add("record exited 0 for a JVM that could not start: " + result.describe());
        }
        if (Files.exists(out)) {
            problems.add("record left a file at -o for a JVM that could not start");
        }
        if (result.stderr().contains("\tat ")) {
            problems.add("stack trace: " + result.describe());
        }
        assertEquals(List.of(), problems, "record of a JVM that cannot start");
    }

    /**
     * A huge recording (about 50 MB, a million per-call events of 8 threads, generated here) is
     * analyzed and summarized within the time limit; cut in half it fails like any truncated file.
     */
    @Test
    void hugeRecording(@TempDir Path dir) throws Exception {
        Jdk jdk = Jdks.all().findFirst().orElseThrow();
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(Profile.DIAGNOSE);
        Path huge = child.run(Hammer.class, "8", "60000").assertSucceeded().recordingFile();
        long size = Files.size(huge);
        assertTrue(size > 20_000_000 && size < 80_000_000, "the generated recording has " + size + " bytes");
        List<String> problems = new ArrayList<>();
        Path report = dir.resolve("report.json");
        Launcher.Result analyze = Launcher.run(jdk, dir, 180, "analyze", huge.toString(), "--format", "json", "-o",
                report.toString());
        if (analyze.exitCode() != 0 || !Files.exists(report)) {
            problems.add("analyze of a " + size + " byte recording: " + analyze.describe());
        }
        Launcher.Result summary = Launcher.run(jdk, dir, 180, "summary", huge.toString());
        if (summary.exitCode() != 0 || !summary.stdout().contains("Serialization: 480,000 calls")) {
            problems.add("summary of a " + size + " byte recording: " + summary.describe());
        }
        byte[] half = Arrays.copyOf(Files.readAllBytes(huge), (int) (size / 2));
        Path cut = Files.write(dir.resolve("huge-cut.jfr"), half);
        Path out = dir.resolve("cut-report.txt");
        expectError(problems, "huge recording cut in half", 3, out,
                Launcher.run(jdk, dir, 180, "analyze", cut.toString(), "-o", out.toString()));
        expectError(problems, "huge recording cut in half", 3, null, Launcher.run(jdk, dir, 180, "summary", cut.toString()));
        assertEquals(List.of(), problems, "huge recording");
    }

    private static void expectError(List<String> problems, String input, int exitCode, Path output,
                                    Launcher.Result result) {
        String command = String.join(" ", result.command().subList(1, result.command().size()));
        String where = input + " [" + command + "]";
        List<String> lines = result.stderr().lines().filter(line -> !line.isBlank()).toList();
        if (result.exitCode() != exitCode) {
            problems.add(where + ": exit " + result.exitCode() + ", documented " + exitCode + "; stderr: "
                    + result.stderr().strip());
        }
        if (lines.size() != 1) {
            problems.add(where + ": " + lines.size() + " lines on stderr instead of one: " + lines);
        }
        if (result.stderr().contains("\tat ") || result.stderr().contains("Exception in thread")) {
            problems.add(where + ": stack trace on stderr");
        }
        if (output != null) {
            try {
                if (Files.exists(output)) {
                    problems.add(where + ": wrote " + Files.size(output) + " bytes to the -o path " + output);
                    Files.delete(output);
                }
            } catch (IOException e) {
                problems.add(where + ": " + e);
            }
        }
    }
}
