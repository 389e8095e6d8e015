package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.LARGE_PAYLOAD;
import static dev.serialscope.rules.Recordings.Scenario.STATISTICS_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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

    @Test
    void aByteArrayOfAnEarlierCallsOutputIsNoPayloadOfItsOwn() {
        IResult result = Rules.evaluate(new LargePayloadRule(), Recordings.Scenario.SERIALIZED_OUTPUT);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
        Rules.assertCulpritAbsent(result, "byte[]");
        assertTrue(Rules.summary(result).contains("1 of its writes was at least"), Rules.summary(result));
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
    void statisticsOnlyMeansNothingPassedTheSizeThreshold() {
        Rules.assertSeverity(Severity.OK, Rules.evaluate(new LargePayloadRule(), STATISTICS_ONLY));
    }
}
