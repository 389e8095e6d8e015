package dev.serialscope.rules.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.recording.RecordingModel;

/**
 * Runs rules on a recording and turns their results into {@link Finding}s, for the command line and the JMC view.
 * Rules are found the way JMC finds them: through {@code META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule}
 * on a class loader (in JMC, the plugin bundle's, which sees our services file).
 */
public final class RuleRunner {

    /** The id of every SerialScope rule starts with this. */
    private static final String SERIALSCOPE_ID_PREFIX = "serialscope.";

    /** Told of a rule that threw instead of giving a result. */
    @FunctionalInterface
    public interface FailedRule {
        void failed(IRule rule, Throwable cause);
    }

    private final List<IRule> rules;

    private RuleRunner(List<IRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The SerialScope rules on this class loader. */
    public static RuleRunner serialScopeRules(ClassLoader loader) {
        return new RuleRunner(load(loader).stream().filter(RuleRunner::isSerialScope).toList());
    }

    /** Every rule on this class loader: with flightrecorder.rules.jdk there, JMC's own too. */
    public static RuleRunner allRules(ClassLoader loader) {
        return new RuleRunner(load(loader));
    }

    private static List<IRule> load(ClassLoader loader) {
        List<IRule> found = new ArrayList<>();
        ServiceLoader.load(IRule.class, loader).forEach(found::add);
        return found;
    }

    public static boolean isSerialScope(IRule rule) {
        return rule.getId().startsWith(SERIALSCOPE_ID_PREFIX);
    }

    public List<IRule> rules() {
        return rules;
    }

    /**
     * Evaluates every rule on one recording, sharing what the rules read through one {@link RecordingModel};
     * {@link Finding#ORDER} sorts the findings. A rule that throws is left out and told to {@code onFailure}.
     *
     * @param threads how many rules run at once; 0 for one per CPU
     */
    public List<Finding> evaluate(IItemCollection items, IPreferenceValueProvider preferences, int threads,
            FailedRule onFailure) throws InterruptedException {
        Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(rules, RecordingModel.of(items, preferences),
                preferences, threads);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<IRule, Future<IResult>> entry : futures.entrySet()) {
            try {
                findings.add(Finding.of(entry.getValue().get()));
            } catch (ExecutionException e) {
                onFailure.failed(entry.getKey(), e.getCause());
            }
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }
}
