package dev.serialscope.cli;

import java.io.IOException;
import java.io.Console;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The terminal {@code top} draws on, through stty on /dev/tty as a shell would: its size, keys without Enter
 * (the line discipline keeps Ctrl-C), and the alternate screen, all given back when the session ends.
 */
final class Terminal {

    /** The terminal is missing or smaller than the table. */
    static final int UNFIT = 5;
    private static final String ALTERNATE_SCREEN = "\033[?1049h";
    private static final String MAIN_SCREEN = "\033[?1049l";
    private static final String HOME_AND_CLEAR = "\033[H\033[2J";

    private final PrintStream out;
    private final String savedMode;
    private int columns;
    private int lines;
    private boolean tookOver;
    private boolean restored;

    private Terminal(PrintStream out, String savedMode) {
        this.out = out;
        this.savedMode = savedMode;
    }

    /** The terminal of this process, measured; fails with {@link #UNFIT} when there is none or it is too small. */
    static Terminal check(PrintStream out, int minColumns, int minLines) throws CliException {
        if (!interactive()) {
            throw new CliException(UNFIT, "top needs a terminal: use --once (with --format json for scripts)");
        }
        Terminal terminal = new Terminal(out, stty("-g").strip());
        terminal.measure();
        if (terminal.columns < minColumns || terminal.lines < minLines) {
            throw new CliException(UNFIT, "terminal too small: " + terminal.columns + "x" + terminal.lines + ", top needs "
                    + minColumns + "x" + minLines + " (or use --once)");
        }
        return terminal;
    }

    /** Keys without Enter or echo, and the alternate screen, until {@link #restore}. */
    void takeOver() throws CliException {
        tookOver = true;
        stty("-icanon", "-echo", "min", "1");
        out.print(ALTERNATE_SCREEN);
        out.flush();
    }

    /** Whether standard input and output are a terminal (JDK 22 and later have a console for pipes too). */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            // Before JDK 22 a console exists only for a terminal.
            return true;
        }
    }

    /** Reads the size again: the user may have resized the window since the last interval. */
    void measure() throws CliException {
        String[] size = stty("size").strip().split("\\s+");
        try {
            lines = Integer.parseInt(size[0]);
            columns = Integer.parseInt(size[1]);
        } catch (RuntimeException e) {
            throw new CliException(UNFIT, "cannot read the terminal's size (stty size said '" + String.join(" ", size) + "')");
        }
    }

    int columns() {
        return columns;
    }

    int lines() {
        return lines;
    }

    void draw(List<String> screen) {
        StringBuilder text = new StringBuilder(HOME_AND_CLEAR);
        for (String line : screen) {
            text.append(line).append('\n');
        }
        out.print(text);
        out.flush();
    }

    /** Gives the terminal back as it was; safe to call twice (q, then the shutdown hook). */
    synchronized void restore() {
        if (restored || !tookOver) {
            return;
        }
        restored = true;
        out.print(MAIN_SCREEN);
        out.flush();
        try {
            stty(savedMode);
        } catch (CliException e) {
            // The terminal is gone (its window closed): nothing is left to give back.
        }
    }

    private static String stty(String... arguments) throws CliException {
        List<String> command = new ArrayList<>(List.of("stty"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new CliException(UNFIT, "stty " + String.join(" ", arguments) + " failed: top needs a terminal");
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(UNFIT, "cannot run stty on /dev/tty (" + e.getMessage() + "): top needs a terminal");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(UNFIT, "interrupted while setting up the terminal");
        }
    }
}
