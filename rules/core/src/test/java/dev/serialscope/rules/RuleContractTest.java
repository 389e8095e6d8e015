package dev.serialscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;

import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;

/** What every rule owes JMC and the CLI, and what the rules assume about the event contract. */
class RuleContractTest {

    static final List<IRule> RULES = Rules.ALL;

    @Test
    void servicesFileRegistersEveryRule() throws IOException {
        Set<String> registered = new HashSet<>();
        try (InputStream services = getClass().getResourceAsStream(
                "/META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule")) {
            for (String line : new String(services.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    registered.add(line.trim());
                }
            }
        }
        Set<String> expected = new HashSet<>();
        RULES.forEach(rule -> expected.add(rule.getClass().getName()));
        assertEquals(expected, registered);
        // JMC's registry finds them through ServiceLoader, next to its own rules.
        Set<String> ids = new HashSet<>();
        RuleRegistry.getRules().forEach(rule -> ids.add(rule.getId()));
        RULES.forEach(rule -> assertTrue(ids.contains(rule.getId()), rule.getId()));
    }

    @ParameterizedTest
    @FieldSource("RULES")
    void ruleHasTopicNamespacedIdsAndResults(IRule rule) {
        assertTrue(rule.getTopic().equals(SerialScopeTopics.SERIALIZATION)
                || rule.getTopic().equals(SerialScopeTopics.DESERIALIZATION), rule.getTopic());
        assertTrue(rule.getId().startsWith("serialscope."), rule.getId());
        for (TypedPreference<?> preference : rule.getConfigurationAttributes()) {
            // The application libraries are one value for every rule that names call sites (JMC keys by id).
            boolean shared = preference == CallSites.LIBRARIES;
            assertTrue(shared || preference.getIdentifier().startsWith(rule.getId() + "."), preference.getIdentifier());
            assertNotNull(preference.getDefaultValue());
        }
        assertTrue(rule.getResults().contains(Culprit.CULPRITS));
        assertTrue(rule.getRequiredEvents().isEmpty(), "rules say themselves how to record the events");
    }

    @ParameterizedTest
    @FieldSource("RULES")
    void ruleSaysHowToRecordWhenTheAgentWasMissing(IRule rule) {
        IResult result = Rules.evaluate(rule, Recordings.Scenario.NO_SERIALSCOPE);
        Rules.assertSeverity(Severity.NA, result);
        assertTrue(Rules.summary(result).contains("./serialscope record -o app.jfr -- java"), Rules.summary(result));
    }

    @ParameterizedTest
    @FieldSource("RULES")
    void ruleStaysQuietOnACleanProgram(IRule rule) {
        Rules.assertSeverity(Severity.OK, Rules.evaluate(rule, Recordings.Scenario.CLEAN));
    }

    /**
     * Issue 16: a 98.5 read 99 in the CLI text and 98 in JMC, which truncates. Each rule rounds once, so every
     * report reads the same whole number and the severity is the one that number stands for.
     */
    @Test
    void everyScoreIsAWholeNumberWithTheSeverityItStandsFor() {
        for (Recordings.Scenario scenario : Recordings.Scenario.values()) {
            for (IRule rule : RULES) {
                IResult result = Rules.evaluate(rule, scenario);
                IQuantity score = result.getResult(TypedResult.SCORE);
                if (score != null) {
                    double value = score.doubleValueIn(UnitLookup.NUMBER_UNITY);
                    String where = rule.getId() + " on " + scenario + ": " + value;
                    assertEquals(Math.rint(value), value, where);
                    assertEquals(Severity.get(value), result.getSeverity(), where);
                    assertEquals(String.valueOf((long) value), Finding.of(result).scoreText(), where);
                }
            }
        }
    }

    @Test
    void eventNamesMatchTheContract() {
        assertEquals(SerializationEvent.NAME, SerialScopeEvents.SERIALIZATION);
        assertEquals(DeserializationEvent.NAME, SerialScopeEvents.DESERIALIZATION);
        assertEquals(SerializationStatisticsEvent.NAME, SerialScopeEvents.STATISTICS);
        assertEquals(SerializationStatisticsEvent.WRITE, SerialScopeEvents.WRITE);
        assertEquals(SerializationStatisticsEvent.READ, SerialScopeEvents.READ);
    }

    /** An attribute with the wrong content type has no accessor, and the rule silently sees nothing. */
    @Test
    void everyAttributeMatchesTheParsedContentType() {
        List<IAttribute<?>> perCall = List.of(SerialScopeEvents.FRAMEWORK, SerialScopeEvents.ROOT_CLASS,
                SerialScopeEvents.BYTES, SerialScopeEvents.OBJECTS, SerialScopeEvents.CLASS_DESCRIPTORS,
                SerialScopeEvents.IDENTITY, SerialScopeEvents.CONTENT_HASH, SerialScopeEvents.CHANNEL,
                SerialScopeEvents.STREAM_ID, SerialScopeEvents.FAILURE);
        List<IAttribute<?>> statistics = List.of(SerialScopeEvents.DIRECTION, SerialScopeEvents.FRAMEWORK,
                SerialScopeEvents.ROOT_CLASS, SerialScopeEvents.CLASSES, SerialScopeEvents.CALLS,
                SerialScopeEvents.BYTES, SerialScopeEvents.TOTAL_TIME, SerialScopeEvents.FAILURES);
        Set<String> checked = new HashSet<>();
        for (IItemIterable batch : Rules.load(Recordings.Scenario.CLEAN)) {
            String type = batch.getType().getIdentifier();
            List<IAttribute<?>> attributes = switch (type) {
            case SerialScopeEvents.SERIALIZATION -> perCall;
            case SerialScopeEvents.DESERIALIZATION -> append(perCall, SerialScopeEvents.FILTERED);
            case SerialScopeEvents.STATISTICS -> statistics;
            default -> List.of();
            };
            for (IAttribute<?> attribute : attributes) {
                assertNotNull(attribute.getAccessor(batch.getType()), type + "#" + attribute.getIdentifier());
            }
            if (!attributes.isEmpty()) {
                checked.add(type);
            }
        }
        assertEquals(Set.of(SerialScopeEvents.SERIALIZATION, SerialScopeEvents.DESERIALIZATION,
                SerialScopeEvents.STATISTICS), checked);
    }

    private static List<IAttribute<?>> append(List<IAttribute<?>> list, IAttribute<?> attribute) {
        List<IAttribute<?>> all = new java.util.ArrayList<>(list);
        all.add(attribute);
        return all;
    }
}
