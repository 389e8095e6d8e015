package dev.serialscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Finding;

/** The plain-text report: one block per finding, details only for INFO and WARNING. */
final class TextReport {

    private TextReport() {
    }

    static void write(List<Analysis> analyses, Severity minimum, PrintStream out) {
        for (Analysis analysis : analyses) {
            out.println("SerialScope " + Version.get() + ": analysis of " + analysis.file());
            List<Finding> shown = analysis.atLeast(minimum);
            for (Finding finding : shown) {
                out.println();
                String severity = Finding.label(finding.severity());
                String score = finding.score() == null ? "" : " (score " + finding.scoreText() + ")";
                if (!finding.atLeast(Severity.INFO)) {
                    out.printf(Locale.ROOT, "%-8s %s%s: %s%n", severity, finding.name(), score, finding.summary());
                    continue;
                }
                out.printf(Locale.ROOT, "%-8s %s%s%n", severity, finding.name(), score);
                out.println("  " + finding.summary());
                if (finding.explanation() != null) {
                    out.println("  Why: " + finding.explanation());
                }
                if (finding.solution() != null) {
                    out.println("  Fix: " + finding.solution());
                }
                if (!finding.culprits().isEmpty()) {
                    out.println("  Culprits: " + finding.culprits().stream().map(culprit -> Finding.plain(culprit.toString()))
                            .collect(Collectors.joining("; ")));
                }
            }
            out.println();
            out.println(count(analysis, Severity.WARNING, "warning") + ", " + count(analysis, Severity.INFO, "info")
                    + ", " + count(analysis, Severity.OK, "ok") + (shown.size() < analysis.findings().size()
                            ? " (" + (analysis.findings().size() - shown.size()) + " below --min not shown)" : ""));
        }
    }

    private static String count(Analysis analysis, Severity severity, String word) {
        long count = analysis.findings().stream().filter(finding -> finding.severity() == severity).count();
        return count + " " + word;
    }
}
