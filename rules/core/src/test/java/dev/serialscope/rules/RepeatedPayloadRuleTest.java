package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.REPEATED_PAYLOAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;

class RepeatedPayloadRuleTest {

    @Test
    void sameObjectAndSameBytesAreWaste() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), REPEATED_PAYLOAD);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
        Rules.assertCulprit(result, Culprit.Kind.CLASS, "com.example.shop.PriceList");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.publishCatalog:");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 10.0.0.2:9000");
        // All but the first of 30 catalogs (same identity) and of 10 price lists (same content hash).
        long expected = 29L * 100 * Recordings.KIB + 9L * 20 * Recordings.KIB;
        assertEquals(expected, result.getResult(RepeatedPayloadRule.WASTED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
        assertEquals(38, result.getResult(RepeatedPayloadRule.REPEATED_CALLS).longValue());
    }

    @Test
    void theSamePayloadReadAgainIsWaste() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), Recordings.Scenario.REPEATED_READS);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.PriceList");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.receiveOrder:");
        // All but the first of the 30 price lists; the 300-byte orders, all alike, are too small to tell.
        assertEquals(29L * 200 * Recordings.KIB,
                result.getResult(RepeatedPayloadRule.WASTED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
        assertEquals(29, result.getResult(RepeatedPayloadRule.REPEATED_CALLS).longValue());
        assertEquals("read", result.getResult(RepeatedPayloadRule.DIRECTION));
        assertEquals(30, result.getResult(RepeatedPayloadRule.TIMES_READ).longValue());
    }

    @Test
    void readsOfAPayloadWhoseWritesRepeatASubObjectNameIt() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), Recordings.Scenario.REPEATED_READS_OF_FIELD);
        Rules.assertSeverity(Severity.WARNING, result);
        // The reads repeat 29 of 30 payloads, the writes 29 catalogs of 100 KiB in 150: the read finding wins.
        assertEquals("read", result.getResult(RepeatedPayloadRule.DIRECTION));
        assertEquals(29L * 150 * Recordings.KIB,
                result.getResult(RepeatedPayloadRule.WASTED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Order");
        Rules.assertMainCulprit(result, Culprit.Kind.FIELD, "com.example.shop.Order.catalog");
        assertEquals("Order.catalog", result.getResult(RepeatedPayloadRule.TOP_FIELD));
        String summary = RepeatedFieldsTest.plain(Rules.summary(result));
        assertTrue(summary.contains("Its writes carried the same Order.catalog (Catalog, 100 KiB) in all 30 calls"),
                summary);
        assertTrue(ResultText.solution(result).contains("Mark Order.catalog transient"), ResultText.solution(result));
    }

    @Test
    void readsWithoutARepeatedSubObjectInTheirWritesNameOnlyTheClass() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), Recordings.Scenario.REPEATED_READS);
        assertEquals(null, result.getResult(RepeatedPayloadRule.TOP_FIELD));
        assertTrue(ResultText.solution(result).startsWith("Decode com.example.shop.PriceList once"), ResultText.solution(result));
    }

    @Test
    void fingerprintedReadsRepeatWhenTheirBytesDoWhateverTheirShape() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), Recordings.Scenario.HASHED_READS);
        Rules.assertSeverity(Severity.WARNING, result);
        // Of 30 price lists of one shape, 10 contents: 20 repeats, not 29; the catalog read again at another site: 1.
        assertEquals(21, result.getResult(RepeatedPayloadRule.REPEATED_CALLS).longValue());
        assertEquals(20L * 200 * Recordings.KIB + 100 * Recordings.KIB,
                result.getResult(RepeatedPayloadRule.WASTED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
        assertEquals(3, result.getResult(RepeatedPayloadRule.TIMES_READ).longValue());
        Rules.assertCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
    }

    @Test
    void smallRepeatsAreBelowTheMinimum() {
        IResult result = Rules.evaluate(new RepeatedPayloadRule(), REPEATED_PAYLOAD, Rules.with(
                RepeatedPayloadRule.MIN_WASTED, UnitLookup.MEMORY.getUnit(org.openjdk.jmc.common.unit.BinaryPrefix.MEBI)
                        .quantity(16)));
        Rules.assertSeverity(Severity.OK, result);
    }
}
