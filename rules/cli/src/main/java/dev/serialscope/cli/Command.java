package dev.serialscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One command of the tool, as in the JDK's {@code jfr}: its name, options and help are picocli annotations on the
 * subclass, {@link #execute} does the work. Values with a fixed set of choices or a unit are checked by the
 * command, so that a wrong one gets the same one-line message however it was typed.
 */
abstract class Command implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** Read before parsing by {@link Main}, which needs it for errors in the arguments too. */
    @Option(names = "--debug", description = "Stack traces and JMC's parser log on stderr.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    protected Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command with its options set; returns the exit code. */
    protected abstract int execute(PrintStream out, PrintStream err) throws CliException;

    /** The one-line usage of a command, for error messages: its synopsis in --help. */
    static String usage(CommandSpec command) {
        // Help texts are format strings: "%%" stands for "%". A synopsis of several lines becomes one.
        return String.format(Locale.ROOT, String.join(" ", command.usageMessage().customSynopsis()))
                .replaceAll("\\s+", " ").strip();
    }

    protected final boolean debug() {
        return debug;
    }

    @Override
    public final Integer call() throws CliException {
        return execute(out, err);
    }

    protected final CliException usageError(String message) {
        return CliException.usage(message + "; usage: " + usage(spec));
    }

    protected static String choice(String option, String value, List<String> choices) throws CliException {
        if (!choices.contains(value)) {
            throw CliException.usage(option + " " + value + ": choose one of " + String.join(", ", choices));
        }
        return value;
    }

    protected static int positiveInt(String option, String value) throws CliException {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number that is not positive.
        }
        throw CliException.usage(option + " " + value + ": give a positive whole number");
    }
}
