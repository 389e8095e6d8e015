package dev.serialscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.analysis.RepeatedFields;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.result.Culprit;

/** The field-path findings on real recordings of the samples, made with the agent. */
class SampleRecordingsTest {

    private static final String SAMPLES = "dev.serialscope.samples.";

    static IResult evaluate(IRule rule, IItemCollection items) {
        var evaluation = rule.createEvaluation(items, IPreferenceValueProvider.DEFAULT_VALUES, null);
        evaluation.run();
        try {
            return evaluation.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertAtLeastInfo(IResult result) {
        assertTrue(result.getSeverity() == Severity.INFO || result.getSeverity() == Severity.WARNING,
                () -> result.getSeverity() + ": " + Rules.summary(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagnose", "production"})
    void pipeTaskShippingNamesTheConfigFieldAsTheSameObjectEveryTime(String profile) {
        IResult result = evaluate(new RepeatedPayloadRule(), AgentRecordings.load("PipeTaskShipping", profile));
        assertAtLeastInfo(result);
        String summary = RepeatedFieldsTest.plain(Rules.summary(result));
        assertTrue(summary.startsWith("PipeTaskShipping$Task.config (PipeTaskShipping$Config, 26"), summary);
        assertTrue(summary.contains(profile.equals("diagnose") ? "was the same object in all 20 calls"
                : "was the same object in all "), summary);
        Rules.assertMainCulprit(result, Culprit.Kind.FIELD, SAMPLES + "PipeTaskShipping$Task.config");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, SAMPLES + "PipeTaskShipping.runDriver:");
        assertTrue(ResultText.solution(result).contains("transient and send it once")
                && ResultText.solution(result).contains("keep it on the receiver"), ResultText.solution(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagnose", "production"})
    void deepCopiesThroughSerializationGetCopyAdvice(String profile) {
        IResult result = evaluate(new RepeatedPayloadRule(), AgentRecordings.load("RepeatedObject", profile));
        Rules.assertSeverity(Severity.WARNING, result);
        String summary = RepeatedFieldsTest.plain(Rules.summary(result));
        assertTrue(summary.startsWith(SAMPLES + "RepeatedObject$PriceList was deep-copied through serialization: "),
                summary);
        assertTrue(summary.contains("in 299 calls"), summary);
        assertTrue(ResultText.solution(result).contains("a copy constructor or copy method"),
                ResultText.solution(result));
    }

    @Test
    void largePayloadNamesTheHeaviestFieldOfTheTask() {
        IResult result = evaluate(new LargePayloadRule(), AgentRecordings.load("PipeTaskShipping", "diagnose"));
        assertAtLeastInfo(result);
        assertTrue(Rules.summary(result).contains("Most of it is PipeTaskShipping$Task.config.settings (HashMap"),
                Rules.summary(result));
    }

    @Test
    void capturingLambdaNamesTheEnclosingClassAndItsHeaviestField() {
        IItemCollection items = AgentRecordings.load("CapturingLambda", "diagnose");
        IResult result = evaluate(new CapturedThisRule(), items);
        Rules.assertSeverity(Severity.WARNING, result);
        String summary = RepeatedFieldsTest.plain(Rules.summary(result));
        assertTrue(summary.contains("created in CapturingLambda$ReportJob captured this"), summary);
        assertTrue(summary.contains("each of the 30 calls wrote the whole CapturingLambda$ReportJob"), summary);
        assertTrue(summary.contains("its field cache is 21"), summary);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, SAMPLES + "CapturingLambda$ReportJob");
        Rules.assertMainCulprit(result, Culprit.Kind.FIELD, SAMPLES + "CapturingLambda$ReportJob.cache");
        Rules.assertMainCulprit(result, Culprit.Kind.SITE, SAMPLES + "CapturingLambda.ship:");
        // Large Payloads follows the same path down to the cache.
        assertTrue(Rules.summary(evaluate(new LargePayloadRule(), items))
                .contains("Most of it is CapturingLambda$ReportJob$$Lambda.capturedArgs[0].cache (HashMap"));
    }

    /** Both profiles name what the lambda captured: the diagnose one from its writes, the production one from its reads. */
    @ParameterizedTest
    @ValueSource(strings = {"diagnose", "production"})
    void capturingLambdaRepeatsNameTheCapturedObject(String profile) {
        IResult result = evaluate(new RepeatedPayloadRule(), AgentRecordings.load("CapturingLambda", profile));
        Rules.assertSeverity(Severity.WARNING, result);
        assertEquals("CapturingLambda$ReportJob$$Lambda.capturedArgs[0]", result.getResult(RepeatedPayloadRule.TOP_FIELD),
                Rules.summary(result));
        assertEquals("CapturingLambda$ReportJob", result.getResult(RepeatedPayloadRule.TOP_FIELD_CLASS));
        Rules.assertMainCulprit(result, Culprit.Kind.FIELD, SAMPLES + "CapturingLambda$ReportJob$$Lambda.capturedArgs[0]");
        assertTrue(ResultText.solution(result).contains("captured by a serializable lambda"), ResultText.solution(result));
    }

    @Test
    void capturingLambdaWithTheProductionProfileStillNamesTheClass() {
        IResult result = evaluate(new CapturedThisRule(), AgentRecordings.load("CapturingLambda", "production"));
        Rules.assertSeverity(Severity.WARNING, result);
        assertTrue(Rules.summary(result).contains("captured this"), Rules.summary(result));
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, SAMPLES + "CapturingLambda$ReportJob");
    }

    /** The samples without a repeated sub-object: no field finding, and no captured this. */
    @ParameterizedTest
    @ValueSource(strings = {"CleanMessaging", "FreshStreamPerMessage", "GrowingPayload"})
    void noRepeatedSubObjectWhereThereIsNone(String sample) {
        IItemCollection items = AgentRecordings.load(sample, "diagnose");
        assertTrue(items.apply(org.openjdk.jmc.common.item.ItemFilters.type(SerialScopeEvents.COMPOSITION))
                .hasItems(), "the diagnose profile traces every call");
        RecordingModel recording = RecordingModel.of(items);
        CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
        RepeatedFields fields = RepeatedFields.find(recording.compositions(), writes, new BitSet(), 1024);
        assertEquals(List.of(), fields.groups().stream().map(RepeatedFields.Group::shortPath).toList());
        IResult repeated = evaluate(new RepeatedPayloadRule(), items);
        Rules.assertSeverity(Severity.OK, repeated);
        Rules.assertSeverity(Severity.OK, evaluate(new CapturedThisRule(), items));
    }
}
