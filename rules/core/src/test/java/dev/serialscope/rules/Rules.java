package dev.serialscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;

/** Evaluates rules on the synthetic recordings the way JMC does, and checks culprits. */
final class Rules {

    static final List<IRule> ALL = List.of(new SerializationHotSpotRule(), new DeserializationHotSpotRule(),
            new LargePayloadRule(), new RepeatedPayloadRule(), new StreamSetupOverheadRule(), new PayloadGrowthRule(),
            new UnfilteredDeserializationRule(), new CapturedThisRule(), new ChattyChannelRule(),
            new SerializedShareRule());

    private static final Map<Path, IItemCollection> LOADED = new HashMap<>();

    private Rules() {
    }

    static synchronized IItemCollection load(Recordings.Scenario scenario) {
        return LOADED.computeIfAbsent(Recordings.of(scenario), path -> {
            try {
                return JfrLoaderToolkit.loadEvents(path.toFile());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static IResult evaluate(IRule rule, Recordings.Scenario scenario) {
        return evaluate(rule, scenario, IPreferenceValueProvider.DEFAULT_VALUES);
    }

    static IResult evaluate(IRule rule, Recordings.Scenario scenario, IPreferenceValueProvider preferences) {
        var evaluation = rule.createEvaluation(load(scenario), preferences, null);
        evaluation.run();
        try {
            return evaluation.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Preferences with one value changed. */
    static <T> IPreferenceValueProvider with(TypedPreference<T> preference, T value) {
        return new IPreferenceValueProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <U> U getPreferenceValue(TypedPreference<U> asked) {
                return asked.equals(preference) ? (U) value : asked.getDefaultValue();
            }
        };
    }

    static String summary(IResult result) {
        return ResultToolkit.populateMessage(result, result.getSummary(), false);
    }

    static void assertSeverity(Severity expected, IResult result) {
        assertEquals(expected, result.getSeverity(), () -> "summary: " + summary(result));
    }

    /** Asserts that a culprit of this kind has a name starting with the prefix (a site's line number varies). */
    static void assertCulprit(IResult result, Culprit.Kind kind, String namePrefix) {
        Collection<Culprit> culprits = result.getResult(Culprit.CULPRITS);
        assertTrue(culprits != null && culprits.stream()
                .anyMatch(culprit -> culprit.kind() == kind && culprit.name().startsWith(namePrefix)),
                () -> "no " + kind + " culprit " + namePrefix + " in " + culprits);
    }

    static void assertCulpritAbsent(IResult result, String name) {
        Collection<Culprit> culprits = result.getResult(Culprit.CULPRITS);
        assertTrue(culprits.stream().noneMatch(culprit -> culprit.name().equals(name)),
                () -> name + " should not be a culprit: " + culprits);
    }

    /** Asserts that the first culprit of this kind, the main one, has a name starting with the prefix. */
    static void assertMainCulprit(IResult result, Culprit.Kind kind, String namePrefix) {
        Collection<Culprit> culprits = result.getResult(Culprit.CULPRITS);
        String first = culprits.stream().filter(culprit -> culprit.kind() == kind).map(Culprit::name).findFirst()
                .orElse("(none)");
        assertTrue(first.startsWith(namePrefix), () -> "main " + kind + " culprit is " + first + ", not "
                + namePrefix + "; all: " + culprits);
    }
}
