package dev.serialscope.probe;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code serialscope attach <pid> [-o FILE] [--duration D] [--profile production|diagnose]}: loads
 * the agent into a running JVM, has it record for the given time, waits for the file and says where
 * it is. Exit codes: 0 recording written, 2 bad usage, 3 the JVM could not be attached to or wrote
 * no recording.
 */
public final class AttachCommand {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 3;
    private static final String USAGE_TEXT =
            "usage: serialscope attach <pid> [-o FILE] [--duration 30s] [--profile production|diagnose]";
    private static final Duration GRACE = Duration.ofSeconds(30);

    private AttachCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || !"attach".equals(args[0])) {
            System.err.println("serialscope: " + USAGE_TEXT);
            return USAGE;
        }
        AttachRequest request;
        try {
            request = AttachRequest.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("serialscope attach: " + e.getMessage() + "; " + USAGE_TEXT);
            return USAGE;
        }
        return attach(request);
    }

    private static int attach(AttachRequest request) {
        String agentJar;
        try {
            agentJar = new File(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getAbsolutePath();
        } catch (URISyntaxException e) {
            System.err.println("serialscope attach: cannot locate the agent jar: " + e.getMessage());
            return FAILED;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(request.pid());
            try {
                // Only now is the file ours to replace; the recording writes it when its duration ends.
                Files.deleteIfExists(request.output());
                vm.loadAgent(agentJar, request.agentOptions());
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException e) {
            System.err.println("serialscope attach: cannot attach to JVM " + request.pid() + ": " + e.getMessage()
                    + " (is it running, a HotSpot JVM, and owned by your user?)");
            return FAILED;
        } catch (AgentLoadException e) {
            System.err.println("serialscope attach: JVM " + request.pid() + " refused the agent: " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            System.err.println("serialscope attach: loading the agent into JVM " + request.pid() + " failed: " + e);
            return FAILED;
        }
        System.err.println("[serialscope] recording JVM " + request.pid() + " for " + format(request.duration())
                + " (" + request.profile() + " profile)...");
        return awaitRecording(request);
    }

    private static int awaitRecording(AttachRequest request) {
        long deadline = System.nanoTime() + request.duration().plus(GRACE).toNanos();
        long lastSize = -1;
        try {
            Thread.sleep(request.duration().toMillis());
            while (System.nanoTime() < deadline) {
                long size = Files.exists(request.output()) ? Files.size(request.output()) : -1;
                if (size > 0 && size == lastSize) {
                    System.out.println(request.output());
                    return OK;
                }
                lastSize = size;
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("serialscope attach: cannot read " + request.output() + ": " + e.getMessage());
            return FAILED;
        }
        System.err.println("serialscope attach: JVM " + request.pid() + " wrote no recording to " + request.output()
                + " (did it exit? see its standard error for [serialscope] messages)");
        return FAILED;
    }

    private static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The parsed command line of {@code attach}. */
    record AttachRequest(String pid, Path output, Duration duration, String profile) {

        static AttachRequest parse(String[] args) {
            if (args.length < 2 || !args[1].chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("the first argument must be the pid of a running JVM");
            }
            String pid = args[1];
            Path output = null;
            Duration duration = Duration.ofSeconds(30);
            String profile = "production";
            for (int i = 2; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "-o":
                        output = Path.of(value);
                        break;
                    case "--duration":
                        duration = AgentOptions.parseDuration(value);
                        break;
                    case "--profile":
                        if (!value.equals("production") && !value.equals("diagnose")) {
                            throw new IllegalArgumentException("--profile takes production or diagnose, not " + value);
                        }
                        profile = value;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (output == null) {
                output = Path.of("serialscope-" + pid + ".jfr");
            }
            return new AttachRequest(pid, output.toAbsolutePath(), duration, profile);
        }

        String agentOptions() {
            return "record=" + profile + ",duration=" + duration.toMillis() + "ms,filename=" + output;
        }
    }
}
