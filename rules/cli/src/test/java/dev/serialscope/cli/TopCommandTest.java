package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What {@code top} checks before it attaches, and the class names it shows; attaching is in the end-to-end tests. */
class TopCommandTest {

    @Test
    void intervalsAreWholeSecondsOrMinutes() throws CliException {
        assertEquals(Duration.ofSeconds(1), TopCommand.interval("1s"));
        assertEquals(Duration.ofSeconds(15), TopCommand.interval(" 15 s"));
        assertEquals(Duration.ofMinutes(2), TopCommand.interval("2m"));
        for (String bad : new String[] {"0s", "1.5s", "500ms", "1h", "s", "-1s", "9999999s"}) {
            CliException e = assertThrows(CliException.class, () -> TopCommand.interval(bad), bad);
            assertEquals(CliException.USAGE, e.exitCode());
        }
    }

    @Test
    void mistakesAreOneLineBeforeAnyAttach() {
        Cli notAPid = Cli.run("top", "java", "--once");
        assertEquals(CliException.USAGE, notAPid.exitCode());
        AnalyzeCommandTest.assertOneLine(notAPid.err(), "serialscope: PID java: give the process id of a running JVM");
        Cli by = Cli.run("top", "1", "--by", "thread", "--once");
        assertEquals(CliException.USAGE, by.exitCode());
        AnalyzeCommandTest.assertOneLine(by.err(), "--by thread: choose one of class, site, channel, framework");
        Cli json = Cli.run("top", "1", "--format", "json");
        assertEquals(CliException.USAGE, json.exitCode());
        AnalyzeCommandTest.assertOneLine(json.err(), "--format json needs --once");
    }

    @Test
    void arrayClassesReadAsTheJdkPrintsThem() {
        assertEquals("byte[]", LiveWindow.readable("[B"));
        assertEquals("java.lang.String[][]", LiveWindow.readable("[[Ljava.lang.String;"));
        assertEquals("com.acme.Order", LiveWindow.readable("com.acme.Order"));
    }
}
