package dev.serialscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.RmiMethods;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.result.Culprit;

/** Chatty Channels, Serialized Share of Channel Bytes, and the RMI method in the payload rules. */
class IpcRulesTest {

    private static final String CATALOG_SERVICE = IpcRecordings.CatalogService.class.getName() + ".publish";

    static IResult evaluate(IRule rule, IpcRecordings.Scenario scenario) {
        return evaluate(rule, IpcRecordings.load(scenario), IPreferenceValueProvider.DEFAULT_VALUES);
    }

    static IResult evaluate(IRule rule, IItemCollection items, IPreferenceValueProvider preferences) {
        var evaluation = rule.createEvaluation(items, preferences, null);
        evaluation.run();
        try {
            return evaluation.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void chattySocketIsNamedWithItsAverageSize() {
        IResult result = evaluate(new ChattyChannelRule(), IpcRecordings.Scenario.CHATTY);
        Rules.assertSeverity(Severity.WARNING, result);
        assertEquals("socket 127.0.0.1:7000", result.getResult(ChattyChannelRule.TOP_CHANNEL));
        assertEquals(60_000, result.getResult(ChattyChannelRule.OPERATIONS).longValue());
        assertEquals(1, result.getResult(ChattyChannelRule.CHATTY_CHANNELS).longValue(),
                "the buffered socket and stdout are not chatty channels");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 127.0.0.1:7000");
        String summary = RepeatedFieldsTest.plain(Rules.summary(result));
        assertTrue(summary.contains(" writes of 5 B on average"), summary);
        assertTrue(ResultText.solution(result).contains("BufferedOutputStream"), ResultText.solution(result));
    }

    @Test
    void fewTinyOperationsAreNotReported() {
        IResult result = evaluate(new ChattyChannelRule(), IpcRecordings.load(IpcRecordings.Scenario.CHATTY),
                Rules.with(ChattyChannelRule.MIN_OPERATIONS, UnitLookup.NUMBER_UNITY.quantity(100_000)));
        Rules.assertSeverity(Severity.OK, result);
    }

    @Test
    void messageSizedWritesAreNotChatty() {
        Rules.assertSeverity(Severity.OK, evaluate(new ChattyChannelRule(), IpcRecordings.Scenario.CLEAN_CHANNELS));
        Rules.assertSeverity(Severity.OK, evaluate(new SerializedShareRule(), IpcRecordings.Scenario.CLEAN_CHANNELS));
    }

    @Test
    void serializedShareNamesTheChannelAndTheRootClass() {
        IResult result = evaluate(new SerializedShareRule(), IpcRecordings.Scenario.SERIALIZED);
        Rules.assertSeverity(Severity.INFO, result);
        assertEquals("socket 10.0.0.2:9000", result.getResult(SerializedShareRule.TOP_CHANNEL));
        assertEquals(40L * Recordings.MIB,
                result.getResult(SerializedShareRule.SERIALIZED_BYTES).clampedLongValueIn(UnitLookup.BYTE));
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 10.0.0.2:9000");
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Catalog");
        String summary = Rules.summary(result);
        assertTrue(summary.contains("mostly com.example.shop.Catalog"), summary);
        // The file is not inter-process traffic: 40 of 42 MiB of socket and pipe bytes were serialized.
        assertEquals(0.952, result.getResult(SerializedShareRule.IPC_SHARE).doubleValueIn(UnitLookup.PERCENT_UNITY),
                0.001);
    }

    @Test
    void rmiTrafficIsExplained() {
        IResult result = evaluate(new SerializedShareRule(), IpcRecordings.Scenario.RMI_REPEATED);
        Rules.assertSeverity(Severity.INFO, result);
        assertEquals(CATALOG_SERVICE + " (RMI client)", result.getResult(SerializedShareRule.TOP_RMI_METHOD));
        assertTrue(ResultText.explanation(result).contains("RMI marshals every argument"),
                ResultText.explanation(result));
    }

    @Test
    void repeatedPayloadsNameTheRmiMethod() {
        IResult result = evaluate(new RepeatedPayloadRule(), IpcRecordings.Scenario.RMI_REPEATED);
        assertTrue(result.getSeverity() == Severity.WARNING || result.getSeverity() == Severity.INFO,
                Rules.summary(result));
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, CATALOG_SERVICE + " (RMI client)");
        assertTrue(Rules.summary(result).contains("from " + CATALOG_SERVICE + " (RMI client) to "
                + IpcRecordings.RMI_ENDPOINT), Rules.summary(result));
        assertTrue(ResultText.explanation(result).contains("JMC's own socket rules leave RMI's connections out"),
                ResultText.explanation(result));
    }

    @Test
    void largePayloadsNameTheRmiMethodOnBothSides() {
        IResult result = evaluate(new LargePayloadRule(), IpcRecordings.Scenario.RMI_REPEATED);
        assertTrue(result.getSeverity() == Severity.WARNING || result.getSeverity() == Severity.INFO,
                Rules.summary(result));
        Rules.assertCulprit(result, Culprit.Kind.SITE, CATALOG_SERVICE + " (RMI client)");
        Rules.assertCulprit(result, Culprit.Kind.SITE, CATALOG_SERVICE + " (RMI server)");
        assertTrue(Rules.summary(result).contains(" (RMI "), Rules.summary(result));
    }

    @Test
    void hotSpotsAndUnfilteredReadsNameTheRmiMethodToo() {
        IResult unfiltered = evaluate(new UnfilteredDeserializationRule(), IpcRecordings.Scenario.RMI_REPEATED);
        Rules.assertSeverity(Severity.OK, unfiltered);
        IItemCollection items = IpcRecordings.load(IpcRecordings.Scenario.RMI_REPEATED);
        var reads = RmiMethods.relabel(items, RecordingModel.of(items).calls(SerialScopeEvents.DESERIALIZATION));
        assertTrue(reads.stream().allMatch(call -> call.site().equals(CATALOG_SERVICE + " (RMI server)")),
                reads.get(0).site());
    }

    @Test
    void callsOutsideRmiKeepTheirSite() {
        IItemCollection items = IpcRecordings.load(IpcRecordings.Scenario.SERIALIZED);
        var calls = RmiMethods.relabel(items, RecordingModel.of(items).calls(SerialScopeEvents.SERIALIZATION));
        assertTrue(calls.stream().allMatch(call -> call.site().startsWith("com.example.shop.Shop.publishCatalog")),
                calls.get(0).site());
    }
}
