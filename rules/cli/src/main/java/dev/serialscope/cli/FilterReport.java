package dev.serialscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.serialscope.rules.analysis.AllowList;
import dev.serialscope.rules.analysis.FilterPattern;
import dev.serialscope.rules.recording.ChannelClasses;

/**
 * The outputs of {@code serialscope filter}: the Java snippet, the JSON document ({@code {"version", "files",
 * "margin", "collapse", "pattern", "channels": [{"channel", "pattern", "maxDepth", "maxReferences",
 * "maxArrayLength", "maxStreamBytes", "untrackedChecks", "classes": [{"name", "chunks"}]}]}}, stable) and the
 * --check report.
 */
final class FilterReport {

    private FilterReport() {
    }

    /** An ObjectInputFilter that code can set on its streams, one pattern part per line. */
    static void java(String pattern, ChannelClasses traffic, PrintStream out) {
        out.println("// Allows what was deserialized on " + traffic.channel() + " (serialscope filter).");
        out.println("ObjectInputFilter filter = ObjectInputFilter.Config.createFilter(String.join(\";\",");
        String[] parts = pattern.split(";");
        for (int i = 0; i < parts.length; i++) {
            out.println("        \"" + parts[i] + "\"" + (i < parts.length - 1 ? "," : "));"));
        }
        out.println("objectInputStream.setObjectInputFilter(filter); // before the first readObject");
    }

    static void json(List<Path> files, double margin, boolean collapse, String pattern, List<ChannelClasses> traffic,
            PrintStream out) {
        JsonReport.print(out, json -> {
            json.writeStartObject();
            json.writeStringField("version", Version.get());
            json.writeArrayFieldStart("files");
            for (Path file : files) {
                json.writeString(file.toString());
            }
            json.writeEndArray();
            json.writeNumberField("margin", margin);
            json.writeBooleanField("collapse", collapse);
            json.writeStringField("pattern", pattern);
            json.writeArrayFieldStart("channels");
            for (ChannelClasses channel : traffic) {
                json.writeStartObject();
                json.writeStringField("channel", channel.channel());
                json.writeStringField("pattern", AllowList.pattern(channel, margin, collapse));
                json.writeNumberField("maxDepth", channel.maxDepth());
                json.writeNumberField("maxReferences", channel.maxReferences());
                json.writeNumberField("maxArrayLength", channel.maxArrayLength());
                json.writeNumberField("maxStreamBytes", channel.maxStreamBytes());
                json.writeNumberField("untrackedChecks", channel.untrackedChecks());
                json.writeArrayFieldStart("classes");
                for (Map.Entry<String, Integer> type : channel.classes().entrySet()) {
                    json.writeStartObject();
                    json.writeStringField("name", type.getKey());
                    json.writeNumberField("chunks", type.getValue());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Prints, per channel, the classes the pattern rejects and the limits the traffic exceeded; true if any. */
    static boolean check(FilterPattern pattern, List<ChannelClasses> traffic, PrintStream out) {
        int classes = 0;
        List<FilterPattern.Rejections> rejecting = new ArrayList<>();
        for (ChannelClasses channel : traffic) {
            classes += channel.classes().size();
            FilterPattern.Rejections rejections = pattern.check(channel);
            if (rejections.any()) {
                rejecting.add(rejections);
            }
        }
        if (rejecting.isEmpty()) {
            out.println("The pattern allows all recorded traffic: " + classes + " classes on " + traffic.size()
                    + (traffic.size() == 1 ? " channel." : " channels."));
            return false;
        }
        for (FilterPattern.Rejections rejections : rejecting) {
            out.println(rejections.channel() + ":");
            for (String rejected : rejections.classes()) {
                out.println("  rejects class " + rejected);
            }
            for (FilterPattern.ExceededLimit limit : rejections.limits()) {
                out.println("  rejects at " + limit.name() + "=" + limit.limit() + ": the traffic reached "
                        + limit.reached());
            }
        }
        return true;
    }
}
