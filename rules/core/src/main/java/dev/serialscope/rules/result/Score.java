package dev.serialscope.rules.result;

import java.util.Locale;

/**
 * A rule's score as every report shows it: a whole number from 0 to 100. Rules round their score here once, before
 * they pick the severity and attach it, so that JMC (which truncates a 98.5 to 98), the CLI text, the JSON and
 * the HTML report all read the same number and a score shown as 75 is always a warning.
 */
public final class Score {

    private Score() {
    }

    /** The score a rule reports for a computed {@code raw} score: half up to a whole number. */
    public static double rounded(double raw) {
        return Math.round(raw);
    }

    /** The score as text in reports and the JMC view: {@code 99}. */
    public static String text(double score) {
        return String.format(Locale.ROOT, "%.0f", rounded(score));
    }
}
