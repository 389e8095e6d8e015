package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.PAYLOAD_GROWTH;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;

class PayloadGrowthRuleTest {

    @Test
    void growingSessionStateIsNamed() {
        IResult result = Rules.evaluate(new PayloadGrowthRule(), PAYLOAD_GROWTH);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.SessionState");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.replicateSession:");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 10.0.0.7:7000");
        // The orders next to it vary at random and must not be reported.
        Rules.assertCulpritAbsent(result, "com.example.shop.Order");
    }

    @Test
    void tooFewCallsAreNotJudged() {
        IResult result = Rules.evaluate(new PayloadGrowthRule(), PAYLOAD_GROWTH,
                Rules.with(PayloadGrowthRule.MIN_SAMPLES, UnitLookup.NUMBER_UNITY.quantity(1000)));
        Rules.assertSeverity(Severity.NA, result);
        assertTrue(Rules.summary(result).contains("1000"), Rules.summary(result));
    }
}
