package dev.serialscope.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code serialscope analyze}, {@code summary}, {@code diff}, {@code filter} and {@code top} commands (top has exit
 * codes of its own, see {@link TopCommand}). Exit codes: 0 done
 * (nothing at or above --fail-on, no increase above --fail-on-increase), 1 findings at or above --fail-on (analyze),
 * an increase above --fail-on-increase (diff) or recorded traffic that --check's pattern rejects (filter), 2 bad usage, 3 input missing, unreadable or not a SerialScope recording. Errors
 * are one line that says what to do; --debug adds the stack trace.
 */
@CommandLine.Command(name = "serialscope", synopsisSubcommandLabel = "analyze | summary | diff | filter | top",
        description = {"What is being serialized on the JVM, how much, where from: the analysis of SerialScope "
                + "recordings, and top, a live view of a running JVM. 'serialscope COMMAND --help' describes a command.", ""})
public final class Main implements Callable<Integer> {

    /** JMC's parser logs harmless warnings (e.g. unknown fields of newer JDKs) to java.util.logging. */
    private static final Logger JMC_LOGGER = Logger.getLogger("org.openjdk.jmc");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns its exit code; the tests call this directly. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        // Known before parsing: a mistake in the arguments is reported with or without it too.
        boolean debug = List.of(args).contains("--debug");
        JMC_LOGGER.setLevel(debug ? Level.ALL : Level.OFF);
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new AnalyzeCommand(out, err))
                .addSubcommand(new SummaryCommand(out, err))
                .addSubcommand(new DiffCommand(out, err))
                .addSubcommand(new FilterCommand(out, err))
                .addSubcommand(new TopCommand(out, err))
                .addSubcommand(new HelpCommand())
                // Prints a bash/zsh completion script: source <(java -jar serialscope-cli.jar generate-completion)
                .addSubcommand(new AutoComplete.GenerateCompletion())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                // File names are file names, and a repeated option counts once, the last one.
                .setExpandAtFiles(false)
                .setOverwrittenOptionsAllowed(true)
                .setParameterExceptionHandler((e, arguments) -> {
                    err.println("serialscope: " + usageError(e, arguments));
                    return CliException.USAGE;
                })
                .setExecutionExceptionHandler((e, failed, parseResult) -> failure(e, failed, debug, err));
        if (args.length == 0) {
            commandLine.usage(out);
            return CliException.USAGE;
        }
        try {
            return commandLine.execute(args);
        } catch (Error e) {
            return failure(e, commandLine, debug, err);
        }
    }

    /** No command: the usage, as for no arguments at all. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CliException.USAGE;
    }

    /** One line for a mistake in the arguments, in the words of the command's own checks. */
    private static String usageError(ParameterException e, String[] arguments) {
        CommandLine failed = e.getCommandLine();
        boolean topLevel = failed.getParent() == null;
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().get(0);
            return topLevel ? "unknown command " + argument + "; use analyze, summary, diff, filter or top"
                    : "unknown option " + argument + "; usage: " + Command.usage(failed.getCommandSpec());
        }
        if (e instanceof MissingParameterException missing && !topLevel && !missing.getMissing().isEmpty()) {
            return typedName(missing.getMissing().get(0), arguments) + " needs a value; usage: "
                    + Command.usage(failed.getCommandSpec());
        }
        return e.getMessage();
    }

    /** The option as the user typed it (-o or --output), for the message. */
    private static String typedName(ArgSpec spec, String[] arguments) {
        if (!(spec instanceof OptionSpec option)) {
            return spec.paramLabel();
        }
        for (int i = arguments.length - 1; i >= 0; i--) {
            if (List.of(option.names()).contains(arguments[i])) {
                return arguments[i];
            }
        }
        return option.longestName();
    }

    /** A command that failed: its own one-line message, or what went wrong and where --debug shows more. */
    private static int failure(Throwable e, CommandLine failed, boolean debug, PrintStream err) {
        if (e instanceof CliException cli) {
            err.println("serialscope: " + cli.getMessage());
            if (debug && cli.getCause() != null) {
                cli.getCause().printStackTrace(err);
            }
            return cli.exitCode();
        }
        err.println("serialscope: " + failed.getCommandName() + " failed: " + e
                + (debug ? "" : " (--debug shows where)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return CliException.INPUT;
    }
}
