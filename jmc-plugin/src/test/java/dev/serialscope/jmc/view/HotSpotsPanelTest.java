package dev.serialscope.jmc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.serialscope.jmc.analysis.AnalysisProgress;
import dev.serialscope.jmc.analysis.RecordingAnalysis;
import dev.serialscope.jmc.analysis.RecordingAnalyzer;
import dev.serialscope.jmc.testing.SampleRecording;
import dev.serialscope.jmc.testing.TestOutput;

import dev.serialscope.rules.result.RuleRunner;

/**
 * Renders the view's content in a real SWT shell for a real recording: four SerialScope samples run one after
 * another in one JVM with the real agent and the diagnose profile (see {@link SampleRecording#inOneJvm}), so
 * that the tables and the findings show several habits at once. Checks what the tables say, clicks a finding
 * and saves a screenshot. Needs an X display: run under xvfb-run on a machine without one.
 */
class HotSpotsPanelTest {

    private static final String RECORDING = "four-samples";
    private static final String[] SAMPLES = {"PipeTaskShipping", "FreshStreamPerMessage", "GrowingPayload",
        "RepeatedObject"};

    private static final String SESSION = "dev.serialscope.samples.GrowingPayload$Session";
    private static final String TASK = "dev.serialscope.samples.PipeTaskShipping$Task";
    private static final String PRICE_LIST = "dev.serialscope.samples.RepeatedObject$PriceList";
    private static final String QUOTE = "dev.serialscope.samples.Quote";
    private static final String RESULT = "dev.serialscope.samples.PipeTaskShipping$Result";

    private static Display display;
    private static Shell shell;
    private static HotSpotsPanel panel;
    private static RecordingAnalysis analysis;

    @BeforeAll
    static void showSampleRecording() throws Exception {
        if (!DisplayAvailable.present()) {
            // Surefire shows skipped tests without their reason: say it where the build log shows it.
            System.err.println(DisplayAvailable.SKIP_REASON);
            return;
        }
        analysis = new RecordingAnalyzer(
                RuleRunner.serialScopeRules(HotSpotsPanelTest.class.getClassLoader()))
                .analyze(SampleRecording.inOneJvm(RECORDING, SAMPLES).toFile(), AnalysisProgress.NONE);
        display = new Display();
        shell = new Shell(display);
        shell.setText("Serialization Hot Spots");
        shell.setLayout(new FillLayout());
        // Fit the screen, so that the screenshot (a copy of the screen) shows the whole shell.
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        shell.setSize(Math.min(1400, screen.width), Math.min(820, screen.height));
        panel = new HotSpotsPanel(shell);
        shell.open();
        panel.show(analysis);
        settle();
    }

    @BeforeEach
    void needsDisplay() {
        DisplayAvailable.assumeDisplay();
    }

    @AfterAll
    static void closeDisplay() {
        if (display != null) {
            display.dispose();
        }
    }

    @Test
    void statusLineCountsEveryCallOfTheSamples() {
        // PipeTaskShipping 20 tasks out, 20 results in; FreshStreamPerMessage 500 quotes each way; GrowingPayload
        // 200 replications; RepeatedObject 300 deep copies each way. The diagnose profile records every call.
        assertEquals(RECORDING + ".jfr: 1,840 calls, " + rows(findingsTable()).size() + " findings", panel.status(),
                "every call has its event: one source");
    }

    @Test
    void rootClassesAreTheSamplesClassesRankedByBytes() {
        List<String[]> rows = rows(panel.table(HotSpotsPanel.ROOT_CLASSES_TAB).getTable());
        assertEquals(List.of(SESSION, TASK, PRICE_LIST, QUOTE, RESULT).stream().map(HotSpotTable::shortName).toList(),
                column(rows, 0), "classes without their package, as the rules' messages name them");
        assertEquals(List.of("200", "20", "600", "1,000", "20"), column(rows, 1),
                "calls of both directions: price lists and quotes are read back");
        assertEquals(List.of("7.3 MiB", "5.22 MiB", "2.83 MiB", "118 KiB", "435 B"),
                column(rows, 2).stream().map(bytes -> bytes.replaceAll("\\p{Zs}", " ")).toList(),
                "JMC puts a no-break space before the unit");
    }

    /**
     * The agent's frames (the probe and its bootstrap bridge) and the JDK's serialization internals sit on top of
     * every stack of a real recording; a call site is the first frame below them.
     */
    @Test
    void callSitesAreTheSamplesMethodsNotTheAgentOrTheJdk() {
        List<String> sites = column(rows(panel.table(HotSpotsPanel.CALL_SITES_TAB).getTable()), 0);
        List<String> samples = List.of("GrowingPayload.", "PipeTaskShipping.", "RepeatedObject.",
                "FreshStreamPerMessage.");
        assertTrue(sites.stream().allMatch(site -> samples.stream().anyMatch(site::startsWith)), sites.toString());
        for (String method : List.of("GrowingPayload.replicate", "PipeTaskShipping.runDriver",
                "RepeatedObject.deepCopy", "FreshStreamPerMessage.main", "FreshStreamPerMessage.receive")) {
            assertTrue(sites.stream().anyMatch(site -> site.startsWith(method + ":")), method + " in " + sites);
        }
    }

    @Test
    void channelsAreMemoryThePipeToTheWorkerAndTheLoopbackSocket() {
        List<String> channels = column(rows(panel.table(HotSpotsPanel.CHANNELS_TAB).getTable()), 0);
        // GrowingPayload and RepeatedObject copy in memory; PipeTaskShipping talks to its worker JVM over its pipes;
        // FreshStreamPerMessage's sender and receiver each name the other end of the loopback connection.
        assertEquals(4, channels.size(), channels.toString());
        assertEquals("memory", channels.get(0), channels.toString());
        assertTrue(channels.get(1).startsWith("pipe (child pid "), channels.toString());
        assertTrue(channels.subList(2, 4).stream().allMatch(channel -> channel.startsWith("socket 127.0.0.1:")),
                channels.toString());
    }

    @Test
    void findingsNameTheRulesAndTheirCulpritsInTheTooltip() {
        List<String[]> findings = rows(findingsTable());
        assertEquals("Warning", finding(findings, "Payload Growth")[0]);
        assertTrue(toolTip("Payload Growth").contains("class " + SESSION), toolTip("Payload Growth"));
        assertTrue(toolTip("Large Payloads").contains("class " + TASK));
        assertTrue(toolTip("Repeated Payloads").contains("class " + PRICE_LIST));
        assertTrue(toolTip("Unfiltered Deserialization").contains("class " + QUOTE));
    }

    private static String toolTip(String rule) {
        return FindingsTable.toolTip(analysis.findings().stream().filter(finding -> finding.name().equals(rule))
                .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " finding")));
    }

    @Test
    void clickingAFindingSelectsTheFirstCulpritItNames() throws Exception {
        Table rootClasses = panel.table(HotSpotsPanel.ROOT_CLASSES_TAB).getTable();
        rootClasses.deselectAll();
        Table findings = findingsTable();
        findings.setSelection(column(rows(findings), 2).indexOf("Payload Growth"));
        findings.notifyListeners(SWT.Selection, new Event());
        settle();
        assertEquals(1, rootClasses.getSelectionCount());
        assertEquals(HotSpotTable.shortName(SESSION), rootClasses.getSelection()[0].getText(0));

        Path screenshot = TestOutput.directory().resolve("screenshots").resolve("serialization-hot-spots.png");
        ImageData pixels = Screenshots.save(shell, screenshot);
        Rectangle firstBar = display.map(panel.chart().getControl(), shell, panel.chart().firstBarBounds());
        Point middle = new Point(firstBar.x + firstBar.width / 2, firstBar.y + firstBar.height / 2);
        assertEquals(HotSpotBarChart.BAR_RGB, pixels.palette.getRGB(pixels.getPixel(middle.x, middle.y)),
                "the first bar's colour in " + screenshot);
    }

    private static String[] finding(List<String[]> findings, String rule) {
        return findings.stream().filter(row -> row[2].equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " finding in " + column(findings, 2)));
    }

    private static Table findingsTable() {
        return panel.findings().getTable();
    }

    private static List<String[]> rows(Table table) {
        return Screenshots.rows(table);
    }

    private static List<String> column(List<String[]> rows, int index) {
        return Screenshots.column(rows, index);
    }

    private static void settle() throws InterruptedException {
        Screenshots.settle(display);
    }
}
