package dev.serialscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.openjdk.jmc.common.item.IItemCollection;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.serialscope.rules.UnfilteredDeserializationRule;
import dev.serialscope.rules.analysis.AllowList;
import dev.serialscope.rules.analysis.FilterPattern;
import dev.serialscope.rules.recording.ChannelClasses;
import dev.serialscope.rules.recording.DeserializedClasses;

/**
 * Writes the JEP 290 serial filter that the recorded deserialization traffic needs, from the Deserialized Class
 * and Deserialization Limits events of one or more recordings (merged); or, with {@code --check}, says what a given
 * filter would reject of that traffic.
 */
@CommandLine.Command(name = "filter",
        customSynopsis = {"serialscope filter FILE... [--channel REGEX] [--margin 2x] [--collapse] "
                + "[--format pattern|json|java] [-o OUT] [--debug]",
                "       serialscope filter --check PATTERN FILE... [--channel REGEX] [--debug]"},
        description = {"The serial filter (JEP 290) that allows exactly the classes deserialized in the recordings.",
                "Prints a jdk.serialFilter pattern: the limits (largest depth, references, array length and stream "
                + "bytes seen, times the margin), every class seen, then !* to reject the rest. Several recordings "
                + "merge. With --check, lists what PATTERN would reject of the recorded traffic, per channel.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (--check: the pattern allows all recorded traffic)",
                "1:--check: the pattern rejects recorded classes or limits", "2:bad usage (also: a malformed PATTERN)",
                "3:a file missing, not a recording, damaged or without Deserialized Class events, or no channel "
                + "matches --channel"})
final class FilterCommand extends Command {

    /** Exit code of --check when the pattern rejects recorded traffic. */
    static final int REJECTS = 1;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Recordings made with the SerialScope agent.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "REGEX",
            description = "Only channels whose name contains a match, e.g. 'socket 10\\.0\\.0\\.5:' (default: all).")
    private String channel;

    @Option(names = "--margin", paramLabel = "2x",
            description = "Multiply the largest values seen by this for the limits (default: ${DEFAULT-VALUE}).")
    private String margin = "2x";

    @Option(names = "--collapse", description = "Allow whole packages (com.acme.*) instead of single classes.")
    private boolean collapse;

    @Option(names = "--format", paramLabel = "pattern|json|java",
            description = "pattern (default): the jdk.serialFilter value; java: an ObjectInputFilter for the code; "
                    + "json: the classes and maxima per channel, and the pattern.")
    private String format = "pattern";

    @Option(names = "--check", paramLabel = "PATTERN",
            description = "Check this pattern against the recordings instead: exit 1 when it rejects any of it.")
    private String check;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write there instead of stdout.")
    private Path output;

    FilterCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    /** "2x", "2", "1.5x": a factor of at least 1 (a smaller one would reject the recorded traffic itself). */
    static double factor(String value) throws CliException {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.endsWith("x")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        try {
            double number = Double.parseDouble(text);
            if (number >= 1 && number <= 1_000_000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw CliException.usage("--margin " + value + ": give a factor of at least 1, e.g. 2x");
    }

    @Override
    protected int execute(PrintStream out, PrintStream err) throws CliException {
        choice("--format", format, List.of("pattern", "json", "java"));
        double factor = factor(margin);
        Pattern channels = channelPattern();
        FilterPattern checked = check == null ? null : parse(check);
        if (files.isEmpty()) {
            throw usageError("give at least one recording");
        }
        List<ChannelClasses> traffic = traffic(channels);
        PrintStream target = Reports.open(output, out);
        int exit = 0;
        if (checked != null) {
            exit = FilterReport.check(checked, traffic, target) ? REJECTS : 0;
        } else {
            ChannelClasses merged = ChannelClasses.merge(channelLabel(traffic), traffic);
            String pattern = AllowList.pattern(merged, factor, collapse);
            switch (format) {
            case "json" -> FilterReport.json(files, factor, collapse, pattern, traffic, target);
            case "java" -> FilterReport.java(pattern, merged, target);
            default -> target.println(pattern);
            }
            List<String> gadgets = UnfilteredDeserializationRule.defaultGadgetClasses();
            for (String type : merged.classes().keySet()) {
                if (UnfilteredDeserializationRule.isGadget(FilterPattern.componentOf(type), gadgets)) {
                    err.println("serialscope: warning: the pattern allows " + type + ", a known gadget-chain entry "
                            + "point that the recorded traffic contained: remove it unless the application needs it");
                }
            }
        }
        long untracked = traffic.stream().mapToLong(ChannelClasses::untrackedChecks).sum();
        if (untracked > 0) {
            err.println("serialscope: warning: a channel had more classes than the agent keeps (1024 per channel); "
                    + untracked + " checks of classes the recording does not name, which this pattern cannot allow "
                    + "or judge");
        }
        Reports.close(output, target);
        return exit;
    }

    private Pattern channelPattern() throws CliException {
        try {
            return channel == null ? null : Pattern.compile(channel);
        } catch (PatternSyntaxException e) {
            throw CliException.usage("--channel " + channel + ": not a regular expression (" + e.getDescription() + ")");
        }
    }

    private static FilterPattern parse(String pattern) throws CliException {
        try {
            return FilterPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--check " + pattern + ": not a serial filter pattern (" + e.getMessage() + ")");
        }
    }

    /** The channels of every file, merged by name and narrowed to --channel. */
    private List<ChannelClasses> traffic(Pattern channels) throws CliException {
        List<List<ChannelClasses>> recordings = new ArrayList<>();
        for (Path file : files) {
            IItemCollection items = RecordingInput.load(file, true);
            if (!DeserializedClasses.recorded(items)) {
                throw CliException.input(file + " has no Deserialized Class events: record with the SerialScope "
                        + "agent, whose profiles enable them, e.g. ./serialscope record -o app.jfr -- java -cp app.jar "
                        + "Main (no object was deserialized, or the recording disabled serialscope.DeserializedClass)");
            }
            recordings.add(DeserializedClasses.read(items));
        }
        List<ChannelClasses> all = ChannelClasses.mergeByChannel(recordings);
        List<ChannelClasses> chosen = all.stream()
                .filter(traffic -> channels == null || channels.matcher(traffic.channel()).find()).toList();
        if (chosen.isEmpty()) {
            throw CliException.input("no channel matches --channel " + channel + "; the recordings have "
                    + String.join(", ", all.stream().map(ChannelClasses::channel).toList()));
        }
        return chosen;
    }

    private static String channelLabel(List<ChannelClasses> traffic) {
        return traffic.size() == 1 ? traffic.get(0).channel() : traffic.size() + " channels";
    }
}
