package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.STATISTICS_ONLY;
import static dev.serialscope.rules.Recordings.Scenario.STREAM_SETUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Culprit;

class StreamSetupOverheadRuleTest {

    @Test
    void aStreamPerSmallMessageIsNamed() {
        IResult result = Rules.evaluate(new StreamSetupOverheadRule(), STREAM_SETUP);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, "com.example.shop.Shop.tickPrice:");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 127.0.0.1:6000");
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.PriceUpdate");
        assertEquals(100, result.getResult(StreamSetupOverheadRule.STREAMS).longValue());
        // 150 bytes of descriptors plus a 4-byte header, for each of 100 messages of 200 bytes.
        assertEquals(100 * (150 + 4),
                result.getResult(StreamSetupOverheadRule.SETUP_BYTES).clampedLongValueIn(UnitLookup.BYTE));
    }

    @Test
    void fewStreamsAreNotReported() {
        IResult result = Rules.evaluate(new StreamSetupOverheadRule(), STREAM_SETUP,
                Rules.with(StreamSetupOverheadRule.MIN_STREAMS, UnitLookup.NUMBER_UNITY.quantity(1000)));
        Rules.assertSeverity(Severity.OK, result);
    }

    @Test
    void statisticsAloneTellThatNoStreamWasOpened() {
        // The production profile's statistics count new streams: calls on long-lived streams open none.
        IResult result = Rules.evaluate(new StreamSetupOverheadRule(), STATISTICS_ONLY);
        Rules.assertSeverity(Severity.OK, result);
        assertEquals("No ObjectOutputStream was opened while recording.", Rules.summary(result));
    }
}
