package dev.serialscope.jmc.analysis;

import java.util.List;

import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;






/**
 * One SerialScope rule result worth a look (information or warning).
 *
 * @param culprits the root classes, call sites and channels the rule blames, in the rule's order
 */
public record Finding(Severity severity, double score, String ruleName, String summary, List<Culprit> culprits) {
}
