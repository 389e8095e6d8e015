package dev.serialscope.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code serialscope analyze}, {@code summary} and {@code diff} commands. Exit codes: 0 done
 * (nothing at or above --fail-on, no increase above --fail-on-increase), 1 findings at or above
 * --fail-on (analyze) or an increase above --fail-on-increase (diff), 2 bad usage, 3 input missing,
 * unreadable or not a SerialScope recording. Errors are one line that says what to do; --debug adds the stack trace.
 */
public final class Main {

    /** JMC's parser logs harmless warnings (e.g. unknown fields of newer JDKs) to java.util.logging. */
    private static final Logger JMC_LOGGER = Logger.getLogger("org.openjdk.jmc");

    private static volatile boolean debug;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static boolean debug() {
        return debug;
    }

    /** Runs a command and returns its exit code; the tests call this directly. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        debug = arguments.contains("--debug");
        JMC_LOGGER.setLevel(debug ? Level.ALL : Level.OFF);
        if (arguments.isEmpty() || List.of("-h", "--help", "help").contains(arguments.get(0))) {
            out.println("usage: " + AnalyzeCommand.USAGE);
            out.println("       " + SummaryCommand.USAGE);
            out.println("       " + DiffCommand.USAGE);
            return arguments.isEmpty() ? CliException.USAGE : 0;
        }
        String command = arguments.remove(0);
        try {
            switch (command) {
            case "analyze":
                return AnalyzeCommand.run(arguments, out, err);
            case "summary":
                SummaryCommand.run(arguments, out);
                return 0;
            case "diff":
                return DiffCommand.run(arguments, out);
            default:
                throw CliException.usage("unknown command " + command + "; use analyze, summary or diff");
            }
        } catch (CliException e) {
            err.println("serialscope: " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return e.exitCode();
        } catch (RuntimeException | Error e) {
            err.println("serialscope: " + command + " failed: " + e + (debug ? "" : " (--debug shows where)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return CliException.INPUT;
        }
    }
}
