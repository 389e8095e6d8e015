package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.serialscope.rules.Recordings;
import dev.serialscope.rules.Recordings.Scenario;

/** Every command that reads one recording, on each kind of bad input: exit code 3 and one line that says what to do. */
class BadInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "filter"})
    void missingFile(String command) {
        Cli cli = Cli.run(command, Recordings.directory().resolve("nothing-here.jfr").toString());
        assertEquals(3, cli.exitCode());
        AnalyzeCommandTest.assertOneLine(cli.err(), "no such file; record one with ./serialscope record");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "filter"})
    void directory(String command) {
        Cli cli = Cli.run(command, Recordings.directory().toString());
        assertEquals(3, cli.exitCode());
        AnalyzeCommandTest.assertOneLine(cli.err(), "is a directory: give the path of a .jfr recording");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "filter"})
    void emptyFile(String command) throws IOException {
        Cli cli = Cli.run(command, write("empty.jfr", new byte[0]).toString());
        assertEquals(3, cli.exitCode());
        AnalyzeCommandTest.assertOneLine(cli.err(), "is empty: the recording was never written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "filter"})
    void randomBytes(String command) throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Cli cli = Cli.run(command, write("noise.jfr", noise).toString());
        assertEquals(3, cli.exitCode());
        AnalyzeCommandTest.assertOneLine(cli.err(), "is not a JFR recording");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "filter"})
    void truncatedRecording(String command) throws IOException {
        byte[] whole = Files.readAllBytes(Recordings.of(Scenario.LARGE_PAYLOAD));
        Path truncated = write("truncated.jfr", Arrays.copyOf(whole, whole.length / 2));
        Cli cli = Cli.run(command, truncated.toString());
        assertEquals(3, cli.exitCode(), cli.out() + cli.err());
        AnalyzeCommandTest.assertOneLine(cli.err(), "is truncated or damaged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "filter"})
    void recordingWithoutSerialScopeEvents(String command) {
        Cli cli = Cli.run(command, Recordings.of(Scenario.NO_SERIALSCOPE).toString());
        assertEquals(3, cli.exitCode());
        AnalyzeCommandTest.assertOneLine(cli.err(), "./serialscope record -o app.jfr -- java");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "filter"})
    void debugAddsTheStackTrace(String command) throws IOException {
        // Chunk headers intact, contents overwritten: only the parser finds out, with an exception to show.
        byte[] damaged = Files.readAllBytes(Recordings.of(Scenario.LARGE_PAYLOAD));
        Arrays.fill(damaged, 68, damaged.length - 68, (byte) 0x7f);
        Path file = write("damaged-debug.jfr", damaged);
        Cli cli = Cli.run(command, file.toString(), "--debug");
        assertEquals(3, cli.exitCode());
        assertTrue(cli.err().lines().count() > 1 && cli.err().contains("\tat "), cli.err());
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(Recordings.directory().resolve(name), content);
    }
}
