package dev.serialscope.rules;

import static dev.serialscope.rules.Recordings.Scenario.GADGET;
import static dev.serialscope.rules.Recordings.Scenario.UNFILTERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.events.GadgetClasses;
import dev.serialscope.rules.result.Culprit;

class UnfilteredDeserializationRuleTest {

    /** The agent writes every unfiltered read of the classes its setting lists: the rule judges the same ones. */
    @Test
    void theGadgetPreferenceDefaultsToTheAgentsList() {
        assertEquals(GadgetClasses.DEFAULT, UnfilteredDeserializationRule.GADGET_CLASSES.getDefaultValue());
    }

    @Test
    void unfilteredSocketReadsAreInformation() {
        IResult result = Rules.evaluate(new UnfilteredDeserializationRule(), UNFILTERED);
        Rules.assertSeverity(Severity.INFO, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "com.example.shop.Order");
        Rules.assertMainCulprit(result, Culprit.Kind.CHANNEL, "socket 10.0.0.9:4444");
        // Memory copies (the PriorityQueues) and the filtered file reads are not counted.
        assertEquals(30, result.getResult(UnfilteredDeserializationRule.UNFILTERED_CALLS).longValue());
        Rules.assertCulpritAbsent(result, "java.util.PriorityQueue");
        assertTrue(result.getResult(UnfilteredDeserializationRule.SUGGESTED_FILTER).equals("com.example.shop.*;!*"));
    }

    @Test
    void gadgetClassFromASocketIsAWarning() {
        IResult result = Rules.evaluate(new UnfilteredDeserializationRule(), GADGET);
        Rules.assertSeverity(Severity.WARNING, result);
        Rules.assertMainCulprit(result, Culprit.Kind.CLASS, "javax.management.BadAttributeValueExpException");
        assertTrue(Rules.summary(result).startsWith("javax.management.BadAttributeValueExpException, a known "
                + "gadget-chain entry point, was deserialized without a serial filter from socket 10.0.0.9:4444"),
                Rules.summary(result));
    }

    @Test
    void theFixQuotesTheFilterWrittenFromTheClassesOfTheGadgetsChannel() {
        IResult result = Rules.evaluate(new UnfilteredDeserializationRule(), GADGET);
        String filter = result.getResult(UnfilteredDeserializationRule.SUGGESTED_FILTER);
        // Twice the maxima; nested classes and the array's component type in, the gadget class out.
        assertEquals("maxdepth=14;maxrefs=1860;maxarray=80;maxbytes=63488;com.example.shop.Order;"
                + "com.example.shop.PriceList;com.example.shop.PriceUpdate;java.lang.Exception;java.lang.Throwable;!*",
                filter);
        assertEquals("socket 10.0.0.9:4444", result.getResult(UnfilteredDeserializationRule.FILTER_CHANNEL));
        String solution = ResultText.solution(result);
        assertTrue(solution.contains("read from socket 10.0.0.9:4444, nested ones included")
                && solution.contains("ObjectInputFilter.Config.createFilter(\"" + filter + "\")")
                && solution.contains("-Djdk.serialFilter=\"" + filter + "\"")
                && solution.contains("serialscope filter --check PATTERN app.jfr"), solution);
    }

    @Test
    void withoutClassEventsTheFixSuggestsThePackagesOfTheRootClasses() {
        IResult result = Rules.evaluate(new UnfilteredDeserializationRule(), UNFILTERED);
        assertTrue(ResultText.solution(result).contains("createFilter(\"com.example.shop.*;!*\")) (add the classes "
                + "nested in the messages; a recording with the Deserialized Class events lists them all)"),
                ResultText.solution(result));
    }

    @Test
    void channelsAndGadgetsAreConfigurable() {
        IResult memoryToo = Rules.evaluate(new UnfilteredDeserializationRule(), UNFILTERED,
                Rules.with(UnfilteredDeserializationRule.CHANNELS, "socket, memory"));
        Rules.assertSeverity(Severity.WARNING, memoryToo);
        Rules.assertMainCulprit(memoryToo, Culprit.Kind.CLASS, "java.util.PriorityQueue");
        IResult noGadgets = Rules.evaluate(new UnfilteredDeserializationRule(), GADGET,
                Rules.with(UnfilteredDeserializationRule.GADGET_CLASSES, ""));
        Rules.assertSeverity(Severity.INFO, noGadgets);
    }
}
