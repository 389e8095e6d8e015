package dev.serialscope.cli;

/** A failure the user can fix: printed as one line, with the exit code it stands for. */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Bad usage: an unknown option, a missing argument, an unknown setting. */
    static final int USAGE = 2;
    /** The input is missing, unreadable or not a recording (or the output cannot be written). */
    static final int INPUT = 3;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(USAGE, message);
    }

    static CliException input(String message) {
        return new CliException(INPUT, message);
    }

    int exitCode() {
        return exitCode;
    }
}
