package dev.serialscope.rules.result;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

/**
 * One rule's result with its texts filled in: what the reports (text, JSON, HTML) write and the JMC view shows.
 *
 * @param score 0-100, a whole number for SerialScope's rules (see {@link Score}), null for N/A
 * @param explanation null when the rule gives none (OK and N/A results)
 * @param culprits the root classes, call sites, channels and field paths the rule blames, in the rule's order
 */
public record Finding(String id, String name, Severity severity, Double score, String summary, String explanation,
        String solution, List<Culprit> culprits) {

    /** Most severe first, then highest score, then id: stable from run to run. */
    public static final Comparator<Finding> ORDER = Comparator.comparingInt((Finding finding) -> rank(finding.severity()))
            .reversed().thenComparing(finding -> finding.score() == null ? -1 : finding.score(),
                    Comparator.reverseOrder())
            .thenComparing(Finding::id);

    public static Finding of(IResult result) {
        IQuantity score = result.getResult(TypedResult.SCORE);
        Collection<Culprit> culprits = result.getResult(Culprit.CULPRITS);
        return new Finding(result.getRule().getId(), result.getRule().getName(), result.getSeverity(),
                result.getSeverity() == Severity.NA || score == null ? null
                        : Score.rounded(score.doubleValueIn(UnitLookup.NUMBER_UNITY)),
                text(result, result.getSummary()), text(result, result.getExplanation()),
                text(result, result.getSolution()), culprits == null ? List.of() : List.copyOf(culprits));
    }

    private static String text(IResult result, String template) {
        return template == null ? null : plain(ResultToolkit.populateMessage(result, template, false));
    }

    /** JMC puts no-break spaces between numbers and units; terminals, grep and JSON readers want plain ones. */
    public static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** The score as the reports and the JMC view print it, e.g. {@code "99"}; empty for N/A. */
    public String scoreText() {
        return score == null ? "" : Score.text(score);
    }

    public boolean atLeast(Severity minimum) {
        return rank(severity) >= rank(minimum);
    }

    /** NA below OK below INFO below WARNING; JMC's IGNORE (rule switched off) counts as NA. */
    private static int rank(Severity severity) {
        return switch (severity) {
        case WARNING -> 3;
        case INFO -> 2;
        case OK -> 1;
        default -> 0;
        };
    }

    /** The severity names of the reports and the JSON: OK, INFO, WARNING, NA. */
    public static String label(Severity severity) {
        return switch (severity) {
        case WARNING -> "WARNING";
        case INFO -> "INFO";
        case OK -> "OK";
        default -> "NA";
        };
    }
}
