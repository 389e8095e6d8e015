package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help (as 'serialscope help' tells users), and the tool lists its commands. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "summary", "diff", "filter", "top"})
    void eachCommandAnswersHelp(String command) {
        for (String help : new String[] {"--help", "-h"}) {
            Cli cli = Cli.run(command, help);
            assertEquals(0, cli.exitCode(), cli.err());
            assertEquals("", cli.err());
            assertTrue(cli.out().startsWith("Usage: serialscope " + command + " "), cli.out());
            assertTrue(cli.out().contains("--debug") && cli.out().contains("Exit codes:"), cli.out());
        }
        Cli viaHelp = Cli.run("help", command);
        assertEquals(0, viaHelp.exitCode(), viaHelp.err());
        assertEquals(Cli.run(command, "--help").out(), viaHelp.out());
    }

    @Test
    void theToolListsItsCommands() {
        for (String help : new String[] {"help", "--help", "-h"}) {
            Cli cli = Cli.run(help);
            assertEquals(0, cli.exitCode(), cli.err());
            for (String command : new String[] {"analyze", "summary", "diff", "filter", "top"}) {
                assertTrue(cli.out().contains("\n  " + command + " "), cli.out());
            }
        }
    }

    @Test
    void mistakesFoundWhileParsingAreOneLine() {
        Cli missingValue = Cli.run("analyze", "app.jfr", "-o");
        assertEquals(2, missingValue.exitCode());
        AnalyzeCommandTest.assertOneLine(missingValue.err(),
                "serialscope: -o needs a value; usage: serialscope analyze FILE...");
        Cli unknownCommand = Cli.run("analyse", "app.jfr");
        assertEquals(2, unknownCommand.exitCode());
        AnalyzeCommandTest.assertOneLine(unknownCommand.err(), "unknown command analyse; use analyze, summary, diff, filter or top");
        Cli unknownOption = Cli.run("summary", "app.jfr", "--frob");
        assertEquals(2, unknownOption.exitCode());
        AnalyzeCommandTest.assertOneLine(unknownOption.err(), "unknown option --frob; usage: serialscope summary FILE");
        Cli percent = Cli.run("diff", "a.jfr");
        AnalyzeCommandTest.assertOneLine(percent.err(), "[--fail-on-increase 10%] [-o OUT]");
    }
}
