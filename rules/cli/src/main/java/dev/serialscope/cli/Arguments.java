package dev.serialscope.cli;

import java.util.List;

/** A cursor over command-line arguments that accepts both "--opt value" and "--opt=value". */
final class Arguments {

    private final List<String> args;
    private final String usage;
    private int next;
    /** The value after '=' of the option just read, or null. */
    private String inlineValue;

    Arguments(List<String> args, String usage) {
        this.args = args;
        this.usage = usage;
    }

    boolean hasNext() {
        return next < args.size();
    }

    String next() {
        return args.get(next++);
    }

    /** The option name of an argument ("--top" for "--top=5"), or "" for a plain argument. */
    String option(String arg) {
        inlineValue = null;
        if (!arg.startsWith("-") || arg.equals("-")) {
            return "";
        }
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 0) {
            inlineValue = arg.substring(equals + 1);
            return arg.substring(0, equals);
        }
        return arg;
    }

    String value(String arg) throws CliException {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (!hasNext()) {
            throw CliException.usage(option(arg) + " needs a value; usage: " + usage);
        }
        return next();
    }

    String choice(String arg, List<String> choices) throws CliException {
        String name = option(arg);
        String value = value(arg);
        if (!choices.contains(value)) {
            throw CliException.usage(name + " " + value + ": choose one of " + String.join(", ", choices));
        }
        return value;
    }

    int positiveInt(String arg) throws CliException {
        String name = option(arg);
        String value = value(arg);
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number that is not positive.
        }
        throw CliException.usage(name + " " + value + ": give a positive whole number");
    }

    CliException unknown(String arg) {
        return CliException.usage("unknown option " + arg + "; usage: " + usage);
    }
}
