package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.REPEATED_FIELD;
import static dev.serialscope.rules.Recordings.Scenario.REPEATED_FIELD_SAMPLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.result.Culprit;

/** Repeated sub-objects and heaviest field paths on synthetic composition events. */
class RepeatedFieldsTest {

    @Test
    void sameSubObjectInEveryRootIsNamedByItsFieldPath() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), REPEATED_FIELD);
        Rules.assertSeverity(Severity.WARNING, result);
        String summary = plain(Rules.summary(result));
        assertTrue(summary.startsWith("Order.catalog (Catalog, 140 KiB) was the same object in all 20 calls"), summary);
        Rules.assertMainCulprit(result, Culprit.Kind.FIELD, "com.example.shop.Order.catalog");
        // Its own field is part of it, the small shared constant is below minFieldSize, lines differ every time.
        Rules.assertCulpritAbsent(result, "com.example.shop.Order.catalog.prices");
        Rules.assertCulpritAbsent(result, "com.example.shop.Order.currency");
        Rules.assertCulpritAbsent(result, "com.example.shop.Order.lines");
        assertEquals(19L * 140 * Recordings.KIB,
                result.getResult(RepeatedPayloadRule.WASTED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
        assertTrue(ResultText.solution(result).contains("Mark Order.catalog transient and send it once"),
                ResultText.solution(result));
    }

    @Test
    void sampledCallsAreExtrapolatedAndSaySo() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), REPEATED_FIELD_SAMPLED);
        Rules.assertSeverity(Severity.WARNING, result);
        assertTrue(plain(Rules.summary(result)).contains("was the same object in all 2 traced calls (of 20)"),
                Rules.summary(result));
        assertEquals(19L * 140 * Recordings.KIB,
                result.getResult(RepeatedPayloadRule.WASTED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
    }

    /** Kryo and Jackson write the same object in different sizes: each counts among its own calls, one culprit. */
    @Test
    void eachSerializerCountsAmongItsOwnCalls() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), Recordings.Scenario.REPEATED_FIELD_TWO_FRAMEWORKS);
        Rules.assertSeverity(Severity.WARNING, result);
        assertTrue(plain(Rules.summary(result)).startsWith("Order.catalog (Catalog, 120 KiB) was the same object in 4 of 20 calls"),
                Rules.summary(result));
        Rules.assertMainCulprit(result, Culprit.Kind.FIELD, "com.example.shop.Order.catalog");
        assertEquals(1, result.getResult(Culprit.CULPRITS).stream().filter(c -> c.kind() == Culprit.Kind.FIELD).count(),
                result.getResult(Culprit.CULPRITS).toString());
        assertEquals(3L * 100 * Recordings.KIB + 3L * 120 * Recordings.KIB,
                result.getResult(RepeatedPayloadRule.WASTED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
    }

    @Test
    void largePayloadNamesTheHeaviestFieldPath() {
        IResult result = Rules.evaluate(new LargePayloadRule(), REPEATED_FIELD);
        Rules.assertSeverity(Severity.INFO, result);
        assertTrue(plain(Rules.summary(result)).contains("Most of it is Order.catalog.prices (PriceList, 139 KiB"),
                Rules.summary(result));
        Rules.assertMainCulprit(result, Culprit.Kind.FIELD, "com.example.shop.Order.catalog.prices");
    }

    @Test
    void withoutCompositionEventsTheLargePayloadSaysHowToGetThem() {
        IResult result = Rules.evaluate(new LargePayloadRule(), Recordings.Scenario.LARGE_PAYLOAD);
        assertTrue(ResultText.explanation(result).contains("--profile diagnose"), ResultText.explanation(result));
    }

    static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void pathHelpers() {
        assertTrue(Composition.isAncestor("config", "config.settings"));
        assertTrue(Composition.isAncestor("capturedArgs", "capturedArgs[0]"));
        assertTrue(!Composition.isAncestor("config", "configs.x") && !Composition.isAncestor("a.b", "a.b"));
        assertEquals("com.example.Job", Composition.capturingClass("com.example.Job$$Lambda$14+0x0000000800c03000.123"));
        assertEquals("Job$$Lambda", Composition.shortName("com.example.Job$$Lambda/0x0000000800c03000"));
        assertEquals("Task[0-9]", Composition.qualify("Task", "[0-9]"));
        assertTrue(Composition.namedStep("a.b") && Composition.namedStep("a[3]"));
        assertTrue(!Composition.namedStep("a[10-99]") && !Composition.namedStep("a.<contents>"));
    }
}
