package dev.serialscope.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport;

import dev.serialscope.rules.Recordings.Scenario;

/**
 * JMC's own headless report, with our rules on the class path and no code of ours in between,
 * reports our findings next to its own.
 */
class JfrRulesReportCompatibilityTest {

    @Test
    void jmcsReportIncludesOurResults() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JfrRulesReport.main(new String[] {"-format", "json", "-min", "info",
                    Recordings.of(Scenario.STREAM_SETUP).toString()});
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("serialscope.streamSetup"), report);
        assertTrue(report.contains("com.example.shop.Shop.tickPrice"), report);
    }
}
