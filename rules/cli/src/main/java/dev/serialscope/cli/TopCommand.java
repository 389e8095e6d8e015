package dev.serialscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.management.jfr.RemoteRecordingStream;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A live table of what a running JVM serializes, redrawn every interval like {@code top}: attaches (loading the
 * agent unless the JVM has it), streams the agent's always-on events over JMX with JFR's remote recording stream,
 * and on q, Ctrl-C or the end of {@code --once} closes that recording, which leaves the agent idle.
 */
@CommandLine.Command(name = "top",
        customSynopsis = {"serialscope top PID [--interval 1s] [--by class|site|channel|framework] "
                + "[--direction write|read] [--once] [--format text|json] [--agent JAR] [--debug]"},
        description = {"What a running JVM serializes now: calls/s, bytes/s, time share (100 %% is one thread busy "
                + "the whole interval) and the largest call of each root class (site, channel, framework), the rows "
                + "with the most bytes first, redrawn every interval. q or Ctrl-C detaches: the recording is closed, "
                + "the agent goes idle and the JVM runs on. The JVM's local management agent, started for the "
                + "session if it was not running, stays started (as with jcmd or JConsole).", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:detached (q, or the end of --once); Ctrl-C ends with 130 as any interrupted command",
                "2:bad usage",
                "3:no such process, the JVM is not attachable (not HotSpot 17 or later, another user, attach "
                + "disabled), it has no agent and none was given, or it exited during the session",
                "4:the JVM refused the agent, its local management agent or the recording (e.g. Flight Recorder "
                + "disabled), or sent no events",
                "5:no terminal, or one smaller than 72x8 (use --once)"})
final class TopCommand extends Command {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m)");
    /** How long --once waits past its interval for the events, which the stream fetches about once a second. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    @Parameters(index = "0", paramLabel = "PID", description = "The process id of a running JVM (jps lists them).")
    private String pid;

    @Option(names = "--interval", paramLabel = "1s",
            description = "Redraw every this many seconds, whole seconds (default: ${DEFAULT-VALUE}).")
    private String interval = "1s";

    @Option(names = "--by", paramLabel = "class|site|channel|framework",
            description = "Rows by root class (default), call site (from the per-call events only: calls of at "
                    + "least " + LiveSettings.CALL_THRESHOLD + "), channel (sockets, pipes, files) or framework.")
    private String by = "class";

    @Option(names = "--direction", paramLabel = "write|read", description = "Only writes or only reads (default: both).")
    private String direction;

    @Option(names = "--once", description = "Print one interval and exit, without taking over the terminal.")
    private boolean once;

    @Option(names = "--format", paramLabel = "text|json",
            description = "With --once: text (default) or a JSON document of the totals and rows.")
    private String format = "text";

    @Option(names = "--agent", paramLabel = "JAR",
            description = "The agent jar to load into a JVM that has none (./serialscope top passes its own).")
    private Path agent;

    TopCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    protected int execute(PrintStream out, PrintStream err) throws CliException {
        long process = pid();
        Duration length = interval(interval);
        LiveWindow.By rows = LiveWindow.By.valueOf(choice("--by", by, LiveWindow.By.NAMES).toUpperCase(Locale.ROOT));
        if (direction != null) {
            choice("--direction", direction, List.of("write", "read"));
        }
        choice("--format", format, List.of("text", "json"));
        if (format.equals("json") && !once) {
            throw usageError("--format json needs --once");
        }
        Terminal terminal = once ? null : Terminal.check(out, TopScreen.MIN_COLUMNS, TopScreen.MIN_LINES);
        try (LiveTarget target = LiveTarget.attach(process, agent)) {
            Session session = new Session(target, new TopScreen(target, direction), rows, length, terminal, out);
            return session.run(err);
        }
    }

    private long pid() throws CliException {
        if (!pid.matches("\\d{1,18}") || Long.parseLong(pid) == 0) {
            throw usageError("PID " + pid + ": give the process id of a running JVM");
        }
        return Long.parseLong(pid);
    }

    /** "1s", "5s", "2m": whole seconds, at least one (the statistics come once a second). */
    static Duration interval(String value) throws CliException {
        Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (matcher.matches() && matcher.group(1).length() <= 6 && Long.parseLong(matcher.group(1)) > 0) {
            long amount = Long.parseLong(matcher.group(1));
            return matcher.group(2).equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        }
        throw CliException.usage("--interval " + value + ": give whole seconds or minutes, e.g. 1s, 5s or 1m");
    }

    /** One attached session: the stream, the windows it fills, and how it ends. */
    private final class Session {
        private final LiveTarget target;
        private final TopScreen screen;
        private final LiveWindow.By rows;
        private final Duration length;
        private final Terminal terminal;
        private final PrintStream out;
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private RemoteRecordingStream stream;
        private LiveWindow window;
        private volatile boolean detaching;

        Session(LiveTarget target, TopScreen screen, LiveWindow.By rows, Duration length, Terminal terminal,
                PrintStream out) {
            this.target = target;
            this.screen = screen;
            this.rows = rows;
            this.length = length;
            this.terminal = terminal;
            this.out = out;
        }

        int run(PrintStream err) throws CliException {
            try {
                stream = new RemoteRecordingStream(target.connection());
                stream.setSettings(LiveSettings.of(rows));
            } catch (IOException | RuntimeException e) {
                throw new CliException(LiveTarget.REFUSED, "JVM " + target.pid() + " refused the recording: " + e, e);
            }
            stream.onEvent(this::accept);
            stream.onClose(ended::countDown);
            Thread detach = new Thread(this::detach, "serialscope top detach");
            Runtime.getRuntime().addShutdownHook(detach);
            try {
                stream.startAsync();
                if (!started.await(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new CliException(LiveTarget.REFUSED, "JVM " + target.pid() + " sent no events within "
                            + GRACE.toSeconds() + " s (is Flight Recorder disabled there?)");
                }
                err.println("[serialscope] top: watching JVM " + target.pid() + (target.agentLoadedNow()
                        ? " (agent loaded now; it stays loaded, idle, after the session)" : " (its agent was loaded already)"));
                if (terminal != null) {
                    terminal.takeOver();
                    Thread keys = new Thread(this::readKeys, "serialscope top keys");
                    keys.setDaemon(true);
                    keys.start();
                    ended.await();
                } else if (!ended.await(length.plus(GRACE).toSeconds(), TimeUnit.SECONDS)) {
                    throw new CliException(LiveTarget.REFUSED, "JVM " + target.pid() + " sent no events for "
                            + GRACE.toSeconds() + " s after the interval");
                }
                if (!detaching) {
                    throw CliException.input("JVM " + target.pid() + " ended the session (did it exit?)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                detach();
                removeHook(detach);
            }
            err.println("[serialscope] top: detached from JVM " + target.pid() + ": its recording is closed, the agent idle");
            return 0;
        }

        /** On the stream's thread, in time order: closes each window once the first event past its end arrives. */
        private void accept(RecordedEvent event) {
            if (window == null) {
                // The CPU load comes every second, calls or not: the first one starts the first window.
                if (event.getEventType().getName().equals(LiveSettings.CPU_LOAD)) {
                    window = new LiveWindow(rows, direction, event.getEndTime(), length);
                    started.countDown();
                }
                return;
            }
            while (!event.getEndTime().isBefore(window.end()) && !detaching) {
                show(window);
                if (once) {
                    detaching = true;
                    ended.countDown();
                    return;
                }
                window = window.next();
            }
            window.add(event);
        }

        private void show(LiveWindow shown) {
            if (terminal == null) {
                if (format.equals("json")) {
                    screen.json(shown, out);
                } else {
                    screen.text(shown, Integer.MAX_VALUE, Integer.MAX_VALUE, false).forEach(out::println);
                }
                out.flush();
                return;
            }
            try {
                terminal.measure();
            } catch (CliException e) {
                // The terminal went away between two intervals: keep its last size, the keys thread ends the session.
            }
            terminal.draw(screen.text(shown, terminal.columns(), terminal.lines(), true));
        }

        private void readKeys() {
            try {
                int key;
                do {
                    key = System.in.read();
                } while (key != 'q' && key != 'Q' && key != -1);
            } catch (IOException e) {
                // The terminal is gone: detach as for q.
            }
            detaching = true;
            ended.countDown();
        }

        /** Closes the recording in the target (the agent turns idle as JFR tells it) and gives the terminal back. */
        private synchronized void detach() {
            detaching = true;
            if (stream != null) {
                stream.close();
                stream = null;
            }
            if (terminal != null) {
                terminal.restore();
            }
        }

        private void removeHook(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down (Ctrl-C): the hook runs, and detach() is idempotent.
            }
        }
    }
}
