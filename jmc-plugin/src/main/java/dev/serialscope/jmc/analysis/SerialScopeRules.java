package dev.serialscope.jmc.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.result.Culprit;






/**
 * The SerialScope rules, found the way JMC finds plugin rules (ServiceLoader on a class loader that sees our
 * services file), evaluated with their default thresholds: the view cannot reach the thresholds users set in
 * JMC's rule preferences, which only Automated Analysis applies.
 */
public final class SerialScopeRules {

    /** Every SerialScope rule topic starts with this; other rules on the same class loader are not ours. */
    public static final String TOPIC_PREFIX = "serialscope.";

    private final List<IRule> rules;

    private SerialScopeRules(List<IRule> rules) {
        this.rules = rules;
    }

    public static SerialScopeRules loadFrom(ClassLoader loader) {
        List<IRule> ours = new ArrayList<>();
        for (IRule rule : ServiceLoader.load(IRule.class, loader)) {
            if (rule.getTopic() != null && rule.getTopic().startsWith(TOPIC_PREFIX)) {
                ours.add(rule);
            }
        }
        return new SerialScopeRules(List.copyOf(ours));
    }

    public List<IRule> rules() {
        return rules;
    }

    /** Information and warning results, highest score first. */
    public List<Finding> evaluate(IItemCollection items) throws InterruptedException, ExecutionException {
        Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(rules, items,
                IPreferenceValueProvider.DEFAULT_VALUES, 1);
        List<Finding> findings = new ArrayList<>();
        for (Future<IResult> future : futures.values()) {
            IResult result = future.get();
            if (result.getSeverity().getLimit() >= Severity.INFO.getLimit()) {
                findings.add(toFinding(result));
            }
        }
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());
        return List.copyOf(findings);
    }

    private static Finding toFinding(IResult result) {
        IQuantity score = result.getResult(TypedResult.SCORE);
        String summary = ResultToolkit.populateMessage(result, result.getSummary(), false);
        return new Finding(result.getSeverity(), score == null ? 0 : score.doubleValue(), result.getRule().getName(),
                summary, culprits(result));
    }

    private static List<Culprit> culprits(IResult result) {
        Collection<Culprit> culprits = result.getResult(Culprit.CULPRITS);
        return culprits == null ? List.of() : List.copyOf(culprits);
    }
}
