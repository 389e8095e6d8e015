package dev.serialscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;

/**
 * One self-contained HTML page (inline CSS and SVG, nothing loaded from the network): the findings
 * by severity, bytes by root class, bytes per second, tables by call site and channel, and icicle
 * graphs of the bytes written by call stack and by field path ({@link FlameGraph}).
 */
final class HtmlReport {

    private static final int TOP = 10;

    private HtmlReport() {
    }

    static void write(List<Analysis> analyses, List<RecordingSummary> summaries, List<FlameGraph.Graphs> graphs,
            Severity minimum, PrintStream out) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>SerialScope analysis</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:72em;color:#222}")
                .append("h1{font-size:1.5em}h2{font-size:1.25em;margin-top:2em}h3{font-size:1.05em}")
                .append(".finding{border-left:6px solid #999;padding:.4em 1em;margin:1em 0;background:#f7f7f7}")
                .append(".WARNING{border-color:#d9534f}.INFO{border-color:#f0ad4e}.OK{border-color:#5cb85c}")
                .append(".label{font-weight:bold}.muted{color:#666}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left;font-family:monospace}")
                .append("tr:nth-child(even){background:#f2f2f2}svg text{font-size:11px;font-family:sans-serif}")
                .append("svg.icicle text{pointer-events:none}svg.icicle g:hover rect{stroke:#000;stroke-width:1}")
                .append("</style></head><body>\n");
        for (int i = 0; i < analyses.size(); i++) {
            appendFile(html, analyses.get(i), summaries.get(i), minimum);
            appendGraphs(html, graphs.get(i));
        }
        html.append("<p class=\"muted\">SerialScope ").append(escape(Version.get())).append("</p></body></html>");
        out.println(html);
    }

    private static void appendFile(StringBuilder html, Analysis analysis, RecordingSummary summary,
            Severity minimum) {
        html.append("<h1>SerialScope analysis of ").append(escape(analysis.file().toString())).append("</h1>\n")
                .append("<p class=\"muted\">").append(escape(Units.nanos(summary.durationNanos())))
                .append(" recorded</p>\n<h2>Findings</h2>\n");
        List<Finding> findings = analysis.atLeast(minimum);
        if (findings.isEmpty()) {
            html.append("<p>No findings at or above ").append(Finding.label(minimum)).append(".</p>\n");
        }
        for (Finding finding : findings) {
            String severity = Finding.label(finding.severity());
            html.append("<div class=\"finding ").append(severity).append("\"><p><span class=\"label\">")
                    .append(severity).append("</span> ").append(escape(finding.name()));
            if (finding.score() != null) {
                html.append(" <span class=\"muted\">(score ").append(finding.scoreText()).append(")</span>");
            }
            html.append("</p><p>").append(escape(finding.summary())).append("</p>");
            if (finding.atLeast(Severity.INFO)) {
                paragraph(html, "Why", finding.explanation());
                paragraph(html, "Fix", finding.solution());
                if (!finding.culprits().isEmpty()) {
                    html.append("<table><tr><th>culprit</th><th>kind</th><th>bytes</th><th>calls</th></tr>");
                    for (Culprit culprit : finding.culprits()) {
                        html.append("<tr><td>").append(escape(culprit.name())).append("</td><td>")
                                .append(culprit.kind().label()).append("</td><td>")
                                .append(Units.bytes(culprit.bytes())).append("</td><td>")
                                .append(Units.count(culprit.count())).append("</td></tr>");
                    }
                    html.append("</table>");
                }
            }
            html.append("</div>\n");
        }
        for (RecordingSummary.Direction direction : List.of(summary.writes, summary.reads)) {
            if (direction.isEmpty()) {
                continue;
            }
            html.append("<h2>").append(direction.name).append(": ").append(Units.count(direction.totalCalls()))
                    .append(" calls, ").append(Units.bytes(direction.totalBytes())).append("</h2>\n")
                    .append("<h3>Bytes by root class</h3>\n");
            barChart(html, direction.byClass());
            html.append("<h3>Bytes per second</h3>\n");
            timeline(html, direction.timeline());
            if (direction.perCallCalls == 0) {
                html.append("<p class=\"muted\">").append(escape(RecordingSummary.NO_PER_CALL_EVENTS))
                        .append("</p>\n");
                continue;
            }
            html.append("<h3>By call site</h3>\n");
            table(html, "call site", RecordingSummary.sorted(direction.bySite));
            html.append("<h3>By channel</h3>\n");
            table(html, "channel", RecordingSummary.sorted(direction.byChannel));
        }
    }

    /** The icicle graphs: bytes by call stack and by field path. */
    private static void appendGraphs(StringBuilder html, FlameGraph.Graphs graphs) {
        html.append("<h2>Where the bytes come from</h2>\n<h3>Bytes written by call stack</h3>\n")
                .append("<p class=\"muted\">Outermost frame on top, the root class written at the bottom; the agent's "
                        + "and the JDK's serialization frames are left out. The width of a box is its share of the "
                        + "bytes of the per-call events; hover for the numbers.</p>\n");
        if (graphs.byStack().bytes == 0) {
            html.append("<p class=\"muted\">No per-call serialization events with bytes.</p>\n");
        } else {
            FlameGraph.appendSvg(html, graphs.byStack(), "bytes by call stack", true);
        }
        html.append("<h3>Bytes written by field path</h3>\n");
        if (graphs.byFieldPath().children.isEmpty()) {
            html.append("<p class=\"muted\">No Serialization Composition events: ")
                    .append(escape(SerialScopeEvents.HOW_TO_RECORD_COMPOSITION)).append(".</p>\n");
        } else {
            html.append("<p class=\"muted\">Root class on top, then its fields level by level, summed over the "
                    + "calls traced field by field; a box narrower than its parent leaves room for the parent's own "
                    + "data and smaller fields.</p>\n");
            FlameGraph.appendSvg(html, graphs.byFieldPath(), "bytes by field path", false);
        }
    }

    private static void paragraph(StringBuilder html, String label, String text) {
        if (text != null) {
            html.append("<p><span class=\"label\">").append(label).append(":</span> ").append(escape(text))
                    .append("</p>");
        }
    }

    /** Horizontal bars, one per root class, the longest for the most bytes. */
    private static void barChart(StringBuilder html, List<RecordingSummary.Row> rows) {
        List<RecordingSummary.Row> shown = rows.subList(0, Math.min(TOP, rows.size()));
        long max = Math.max(1, shown.stream().mapToLong(row -> row.bytes).max().orElse(1));
        int rowHeight = 20;
        html.append("<svg width=\"900\" height=\"").append(shown.size() * rowHeight + 4)
                .append("\" role=\"img\" aria-label=\"bytes by root class\">");
        for (int i = 0; i < shown.size(); i++) {
            RecordingSummary.Row row = shown.get(i);
            int y = i * rowHeight;
            long width = Math.max(1, Math.round(480.0 * row.bytes / max));
            html.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(escape(shorten(row.key)))
                    .append("</text><rect x=\"330\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"14\" fill=\"#4a7ebb\"/><text x=\"").append(335 + width).append("\" y=\"")
                    .append(y + 14).append("\">").append(Units.bytes(row.bytes)).append("</text>");
        }
        html.append("</svg>\n");
    }

    /**
     * Bytes per second as bars over time, each as wide as the span it counts (a statistics period, or a second of
     * per-call events), so that its height is its own rate. Flushes (the calls since the last period, counted when
     * a chunk or the recording ended) are drawn lighter and say so.
     */
    private static void timeline(StringBuilder html, List<Timeline.Span> spans) {
        if (spans.isEmpty()) {
            html.append("<p class=\"muted\">No data.</p>\n");
            return;
        }
        long origin = spans.get(0).startNanos();
        long total = Math.max(1, spans.get(spans.size() - 1).endNanos() - origin);
        double max = Math.max(1, spans.stream().mapToDouble(Timeline.Span::bytesPerSecond).max().orElse(1));
        int width = 800;
        int height = 120;
        html.append("<svg width=\"").append(60 + width + 10).append("\" height=\"").append(height + 30)
                .append("\" role=\"img\" aria-label=\"bytes per second\">").append("<text x=\"0\" y=\"12\">")
                .append(Units.bytes(Math.round(max))).append("/s</text>");
        for (Timeline.Span span : spans) {
            double x = 60 + (double) width * (span.startNanos() - origin) / total;
            double barWidth = Math.max(1, (double) width * span.nanos() / total - 1);
            long barHeight = Math.max(1, Math.round(height * span.bytesPerSecond() / max));
            html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"%s\"><title>+%.2f s to +%.2f s: %s in %s, %s/s%s</title></rect>", x,
                    height - barHeight + 16, barWidth, barHeight, span.flush() ? "#a9c3e3" : "#4a7ebb",
                    (span.startNanos() - origin) / 1e9, (span.endNanos() - origin) / 1e9, Units.bytes(span.bytes()),
                    Units.nanos(span.nanos()), Units.bytes(Math.round(span.bytesPerSecond())),
                    span.flush() ? " (flush: the calls since the last period, written when a chunk or the recording "
                            + "ended)" : ""));
        }
        html.append(String.format(Locale.ROOT, "<text x=\"60\" y=\"%d\">0 s</text><text x=\"%d\" y=\"%d\" "
                + "text-anchor=\"end\">%.1f s</text></svg>\n", height + 30, 60 + width, height + 30, total / 1e9));
        if (spans.stream().anyMatch(Timeline.Span::flush)) {
            html.append("<p class=\"muted\">Each bar spans the period its statistics count. Lighter bars are "
                    + "flushes: the calls since the last period, written when a chunk or the recording ended, over "
                    + "that shorter time.</p>\n");
        }
    }

    private static void table(StringBuilder html, String keyName, List<RecordingSummary.Row> rows) {
        long total = rows.stream().mapToLong(row -> row.bytes).sum();
        html.append("<table><tr><th>").append(keyName)
                .append("</th><th>calls</th><th>bytes</th><th>objects</th><th>time</th><th>share</th></tr>");
        for (RecordingSummary.Row row : rows.subList(0, Math.min(TOP, rows.size()))) {
            html.append("<tr><td>").append(escape(row.key)).append("</td><td>").append(Units.count(row.calls))
                    .append("</td><td>").append(Units.bytes(row.bytes)).append("</td><td>")
                    .append(Units.count(row.objects)).append("</td><td>").append(Units.nanos(row.nanos))
                    .append("</td><td>").append(Units.share(row.bytes, total)).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static String shorten(String key) {
        return key.length() <= 52 ? key : "..." + key.substring(key.length() - 49);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
            case '<' -> escaped.append("&lt;");
            case '>' -> escaped.append("&gt;");
            case '&' -> escaped.append("&amp;");
            case '"' -> escaped.append("&quot;");
            case '\'' -> escaped.append("&#39;");
            default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
