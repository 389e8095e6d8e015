package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.LARGE_PAYLOAD;
import static dev.serialscope.rules.Recordings.Scenario.STATISTICS_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;

class LargePayloadRuleTest {

    @Test
    void largeCatalogsAreNamedWithSiteAndChannel() {
        IResult result = Rules.evaluate(new LargePayloadRule(), LARGE_PAYLOAD);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.publishCatalog:");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "pipe (child pid 4242)");
        double p95 = result.getResult(LargePayloadRule.LARGEST_P95).doubleValueIn(UnitLookup.BYTE);
        assertTrue(p95 >= 6 * Recordings.MIB, "p95 " + p95);
    }

    @Test
    void theDirectionAndClassWithTheMostLargeBytesIsTheSubject() {
        IResult result = Rules.evaluate(new LargePayloadRule(), Recordings.Scenario.LARGE_READS);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Order");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 10.0.0.2:9001");
        assertEquals(40, result.getResult(LargePayloadRule.LARGE_CALLS).longValue());
        assertTrue(Rules.summary(result).contains("read from socket 10.0.0.2:9001")
                && Rules.summary(result).contains("40 of its reads were at least"), Rules.summary(result));
    }

    /** From the per-call events' flag, and from the statistics' column when the recording has sizes. */
    @ParameterizedTest
    @CsvSource({"SERIALIZED_OUTPUT, 1 of its writes was at least",
            "COUNTED_SERIALIZED_OUTPUT, its only write was at least"})
    void aByteArrayOfAnEarlierCallsOutputIsNoPayloadOfItsOwn(Recordings.Scenario scenario, String counted) {
        IResult result = Rules.evaluate(new LargePayloadRule(), scenario);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
        Rules.assertCulpritAbsent(result, "byte[]");
        assertTrue(Rules.summary(result).contains(counted), Rules.summary(result));
    }

    @Test
    void theHeaviestPathIsFollowedThroughContentsTheAgentFollowed() {
        IResult result = Rules.evaluate(new LargePayloadRule(), Recordings.Scenario.DEEP_PATH);
        assertEquals("Order.catalog.<contents>.prices", result.getResult(LargePayloadRule.HEAVIEST_FIELD));
        assertEquals("PriceList", result.getResult(LargePayloadRule.HEAVIEST_FIELD_CLASS));
    }

    @Test
    void thresholdIsConfigurable() {
        IResult result = Rules.evaluate(new LargePayloadRule(), LARGE_PAYLOAD, Rules.with(LargePayloadRule.WARNING_SIZE,
                UnitLookup.MEMORY.getUnit(org.openjdk.jmc.common.unit.BinaryPrefix.MEBI).quantity(64)));
        Rules.assertSeverity(Severity.INFO, result);
    }

    @Test
    void theStatisticsCountEveryCallTheLargestAndThoseAboveTheLimit() throws Exception {
        IResult result = Rules.evaluate(new LargePayloadRule(), Recordings.Scenario.COUNTED_LARGE);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.publishCatalog:");
        assertEquals(3L * Recordings.MIB, result.getResult(LargePayloadRule.LARGEST_SIZE).longValueIn(UnitLookup.BYTE));
        assertEquals(100, result.getResult(LargePayloadRule.LARGE_CALLS).longValue());
        assertEquals(1000, result.getResult(LargePayloadRule.CLASS_CALLS).longValue());
        // The 950th of 1,000 calls is among the 80 of 128 to 256 KiB: the per-call events cover only 20 calls.
        assertEquals(256 * Recordings.KIB, result.getResult(LargePayloadRule.LARGEST_P95).longValueIn(UnitLookup.BYTE));
        String summary = plain(Rules.summary(result));
        assertTrue(summary.contains("100 of its 1,000 writes were at least 128 KiB")
                && summary.contains("95th percentile at most 256 KiB"), summary);
    }

    @Test
    void aLimitBetweenTwoSizeClassesCountsTheCallsAboveAsAtLeast() {
        IResult result = Rules.evaluate(new LargePayloadRule(), Recordings.Scenario.COUNTED_LARGE,
                Rules.with(LargePayloadRule.INFO_SIZE, UnitLookup.MEMORY.getUnit(
                        org.openjdk.jmc.common.unit.BinaryPrefix.KIBI).quantity(100)));
        assertEquals(100, result.getResult(LargePayloadRule.LARGE_CALLS).longValue());
        assertTrue(plain(Rules.summary(result)).contains("100 or more of its 1,000 writes were at least 100 KiB"),
                Rules.summary(result));
    }

    @Test
    void smallCountedCallsNameTheLargestOfAll() {
        IResult result = Rules.evaluate(new LargePayloadRule(), Recordings.Scenario.COUNTED_SMALL);
        Rules.assertSeverity(Severity.OK, result);
        assertEquals("The largest of 1,000 calls was 300 B (com.example.shop.Order).", plain(Rules.summary(result)));
    }

    @Test
    void statisticsOnlyMeansNothingPassedTheSizeThreshold() {
        Rules.assertSeverity(Severity.OK, Rules.evaluate(new LargePayloadRule(), STATISTICS_ONLY));
    }

    /** The text with JMC's non-breaking spaces (between a number and its unit) as plain ones. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
