package dev.serialscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;

/**
 * The JSON report, a stable format for CI:
 * {@code {"file", "version", "results": [{"id", "name", "severity": "OK|INFO|WARNING|NA", "score",
 * "summary", "explanation", "solution", "culprits": [{"kind": "class|site|channel", "name", "bytes",
 * "count"}]}]}}. Several files give an array of such objects.
 */
final class JsonReport {

    private JsonReport() {
    }

    static void write(List<Analysis> analyses, Severity minimum, PrintStream out) {
        StringBuilder json = new StringBuilder();
        if (analyses.size() == 1) {
            append(json, analyses.get(0), minimum);
        } else {
            json.append("[\n");
            for (int i = 0; i < analyses.size(); i++) {
                append(json, analyses.get(i), minimum);
                json.append(i + 1 < analyses.size() ? ",\n" : "\n");
            }
            json.append("]");
        }
        out.println(json);
    }

    private static void append(StringBuilder json, Analysis analysis, Severity minimum) {
        json.append("{\n  \"file\": ").append(quote(analysis.file().toString()))
                .append(",\n  \"version\": ").append(quote(Version.get()))
                .append(",\n  \"results\": [");
        List<Finding> findings = analysis.atLeast(minimum);
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"id\": ").append(quote(finding.id()))
                    .append(", \"name\": ").append(quote(finding.name()))
                    .append(", \"severity\": ").append(quote(Finding.label(finding.severity())))
                    .append(", \"score\": ").append(finding.score() == null ? "null"
                            : String.format(Locale.ROOT, "%.1f", finding.score()))
                    .append(",\n     \"summary\": ").append(quote(finding.summary()))
                    .append(",\n     \"explanation\": ").append(quote(finding.explanation()))
                    .append(",\n     \"solution\": ").append(quote(finding.solution()))
                    .append(",\n     \"culprits\": [");
            for (int c = 0; c < finding.culprits().size(); c++) {
                Culprit culprit = finding.culprits().get(c);
                json.append(c == 0 ? "" : ", ").append("{\"kind\": ").append(quote(culprit.kind().label()))
                        .append(", \"name\": ").append(quote(culprit.name()))
                        .append(", \"bytes\": ").append(culprit.bytes())
                        .append(", \"count\": ").append(culprit.count()).append('}');
            }
            json.append("]}");
        }
        json.append(findings.isEmpty() ? "]\n}" : "\n  ]\n}");
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
            case '"' -> quoted.append("\\\"");
            case '\\' -> quoted.append("\\\\");
            case '\n' -> quoted.append("\\n");
            case '\r' -> quoted.append("\\r");
            case '\t' -> quoted.append("\\t");
            default -> {
                if (c < 0x20) {
                    quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    quoted.append(c);
                }
            }
            }
        }
        return quoted.append('"').toString();
    }
}
