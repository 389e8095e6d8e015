package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.HOT_SPOT;
import static dev.serialscope.rules.Recordings.Scenario.STATISTICS_ONLY;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;

class HotSpotRuleTest {

    @Test
    void serializationHotSpotNamesClassSiteAndChannel() {
        IResult result = Rules.evaluate(new SerializationHotSpotRule(), HOT_SPOT);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
        // Catalog calls took 20 ms each, the Order calls next to nothing.
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.publishCatalog:");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 10.0.0.5:8080");
        assertTrue(Rules.summary(result).contains("com.example.shop.Catalog"), Rules.summary(result));
    }

    @Test
    void deserializationHotSpotIsSeparate() {
        IResult result = Rules.evaluate(new DeserializationHotSpotRule(), HOT_SPOT);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Order");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.receiveOrder:");
    }

    @Test
    void totalsComeFromStatisticsWhenPerCallEventsAreThresholded() {
        // 50 ms of serialization in a recording counted as at least one second: 5 %.
        IResult result = Rules.evaluate(new SerializationHotSpotRule(), STATISTICS_ONLY);
        Rules.assertSeverity(Severity.OK, result);
        double share = result.getResult(HotSpotRule.TIME_SHARE).doubleValueIn(UnitLookup.PERCENT);
        assertTrue(share > 0 && share <= 5, "share " + share);
        // With a lower limit the same time becomes a finding, named from the statistics alone.
        IResult lowered = Rules.evaluate(new SerializationHotSpotRule(), STATISTICS_ONLY,
                Rules.with(SerializationHotSpotRule.INFO_SHARE, UnitLookup.PERCENT.quantity(0.1)));
        assertTrue(lowered.getSeverity().compareTo(Severity.INFO) >= 0, Rules.summary(lowered));
        Rules.assertMainCulprit(lowered, Culprit.Kind.CLASS, "com.example.shop.Order");
    }

    @Test
    void aTimeEstimatedFromTimedCallsSaysSoAndAMeasuredOneDoesNot() {
        IResult sampled = Rules.evaluate(new SerializationHotSpotRule(), STATISTICS_ONLY,
                Rules.with(SerializationHotSpotRule.INFO_SHARE, UnitLookup.PERCENT.quantity(0.1)));
        String explanation = sampled.getExplanation();
        assertTrue(explanation.contains("measured on 62 of the 1,000 calls") && explanation.contains("estimate"),
                explanation);
        IResult measured = Rules.evaluate(new SerializationHotSpotRule(), HOT_SPOT);
        assertFalse(measured.getExplanation().contains("estimate"), measured.getExplanation());
    }
}
