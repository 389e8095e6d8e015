package dev.serialscope.rules.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

import dev.serialscope.rules.result.Culprit;






/** The rule results of one recording, most severe first, with the texts filled in. */
record Analysis(Path file, List<Finding> findings) {

    /** One rule's result in the form every report writes. */
    record Finding(String id, String name, Severity severity, Double score, String summary, String explanation,
            String solution, List<Culprit> culprits) {

        static Finding of(IResult result) {
            IQuantity score = result.getResult(TypedResult.SCORE);
            Collection<Culprit> culprits = result.getResult(Culprit.CULPRITS);
            return new Finding(result.getRule().getId(), result.getRule().getName(), result.getSeverity(),
                    result.getSeverity() == Severity.NA || score == null ? null
                            : Math.round(score.doubleValueIn(UnitLookup.NUMBER_UNITY) * 10) / 10.0,
                    text(result, result.getSummary()), text(result, result.getExplanation()),
                    text(result, result.getSolution()), culprits == null ? List.of() : List.copyOf(culprits));
        }

        private static String text(IResult result, String template) {
            return template == null ? null : plain(ResultToolkit.populateMessage(result, template, false));
        }
    }

    /** JMC puts no-break spaces between numbers and units; terminals, grep and JSON readers want plain ones. */
    static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** Most severe first, then highest score, then id: stable from run to run. */
    static final Comparator<Finding> ORDER = Comparator.comparingInt((Finding finding) -> rank(finding.severity()))
            .reversed().thenComparing(finding -> finding.score() == null ? -1 : finding.score(),
                    Comparator.reverseOrder())
            .thenComparing(Finding::id);

    /** NA below OK below INFO below WARNING; JMC's IGNORE (rule switched off) counts as NA. */
    static int rank(Severity severity) {
        return switch (severity) {
        case WARNING -> 3;
        case INFO -> 2;
        case OK -> 1;
        default -> 0;
        };
    }

    List<Finding> atLeast(Severity minimum) {
        return findings.stream().filter(finding -> rank(finding.severity()) >= rank(minimum)).toList();
    }

    /** The severity names of the reports and the JSON: OK, INFO, WARNING, NA. */
    static String label(Severity severity) {
        return switch (severity) {
        case WARNING -> "WARNING";
        case INFO -> "INFO";
        case OK -> "OK";
        default -> "NA";
        };
    }
}
