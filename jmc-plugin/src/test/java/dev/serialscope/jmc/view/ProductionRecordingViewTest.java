package dev.serialscope.jmc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import dev.serialscope.jmc.analysis.AnalysisProgress;
import dev.serialscope.jmc.analysis.RecordingAnalysis;
import dev.serialscope.jmc.analysis.RecordingAnalyzer;
import dev.serialscope.jmc.testing.SampleRecording;
import dev.serialscope.jmc.testing.TestOutput;

import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;
import dev.serialscope.rules.result.RuleRunner;

/**
 * The view on a production recording (the profile users run in production: statistics for every call, per-call
 * events for large or slow calls only), at about the size the view has next to JMC's Stack Trace view: wide and
 * low. Issue 16: the view counted only the per-call events (202 calls where the page counted 8,800), missed
 * RepeatedObject and ChattySocket$Order, selected RateTable for a finding about ChattySocket$Order, showed the
 * findings header and part of one row at its default size, and ran tooltips off the screen.
 */
class ProductionRecordingViewTest {

    private static final String RECORDING = "five-samples-production";
    private static final String[] SAMPLES = {"PipeTaskShipping", "GrowingPayload", "RepeatedObject", "ChattySocket",
        "CapturingLambda"};
    /** About the size of the view in a 1600x1000 JMC window, stacked with the Stack Trace view. */
    static final int DEFAULT_WIDTH = 1400;
    static final int DEFAULT_HEIGHT = 300;

    private static Path recording;
    private static RecordingAnalysis analysis;
    private static Display display;
    private static Shell shell;
    private static HotSpotsPanel panel;

    @BeforeAll
    static void showProductionRecording() throws Exception {
        if (!DisplayAvailable.present()) {
            System.err.println(DisplayAvailable.SKIP_REASON);
        }
        DisplayAvailable.assumeDisplay();
        recording = productionRecording();
        analysis = new RecordingAnalyzer(RuleRunner.serialScopeRules(ProductionRecordingViewTest.class.getClassLoader()))
                .analyze(recording.toFile(), AnalysisProgress.NONE);
        display = new Display();
        shell = new Shell(display);
        shell.setText("Serialization Hot Spots");
        shell.setLayout(new FillLayout());
        shell.setSize(DEFAULT_WIDTH, DEFAULT_HEIGHT);
        panel = new HotSpotsPanel(shell);
        shell.open();
        panel.show(analysis);
        Screenshots.settle(display);
    }

    /** The recording of the samples with the production profile, made once per test JVM. */
    static Path productionRecording() {
        return SampleRecording.inOneJvm(RECORDING, SampleRecording.PRODUCTION, SAMPLES);
    }

    @AfterAll
    static void closeDisplay() {
        if (display != null) {
            display.dispose();
        }
    }

    @Test
    void callsAndRootClassesAreTheStatisticsAndTheStatusSaysWhichIsWhich() throws Exception {
        Map<String, Long> counted = statisticsCallsByClass(recording);
        long calls = counted.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(analysis.hotSpots().perCallEvents() < calls / 2, "the production profile traces few calls: "
                + analysis.hotSpots().perCallEvents() + " of " + calls);
        assertEquals(String.format("%s.jfr: %,d calls, %d findings. Calls and root classes: statistics, every call; "
                + "call sites and channels: the %,d calls with a per-call event", RECORDING, calls,
                analysis.findings().size(), analysis.hotSpots().perCallEvents()), panel.status());

        List<String[]> rows = Screenshots.rows(panel.table(HotSpotsPanel.ROOT_CLASSES_TAB).getTable());
        for (String sampleClass : List.of("RepeatedObject$PriceList", "ChattySocket$Order", "GrowingPayload$Session",
                "PipeTaskShipping$Task")) {
            String name = SampleRecording.SAMPLES_PACKAGE + sampleClass;
            String[] row = rows.stream().filter(cells -> cells[0].equals(sampleClass)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not in " + Screenshots.column(rows, 0)));
            assertEquals(String.format("%,d", counted.get(name)), row[1], name + ": every call, from the statistics");
        }
        assertTrue(panel.chart().getControl().isVisible());
    }

    /** Lambda classes read as JMC's rules and the CLI name them: the owner and $$Lambda, no hidden-class suffix. */
    @Test
    void lambdaClassesReadAsOwnerDollarDollarLambda() {
        List<String> classes = Screenshots.column(Screenshots.rows(
                panel.table(HotSpotsPanel.ROOT_CLASSES_TAB).getTable()), 0);
        assertTrue(classes.contains("CapturingLambda$ReportJob$$Lambda"), classes.toString());
        assertTrue(classes.stream().noneMatch(name -> name.contains("0x")), classes.toString());
    }

    @Test
    void everyFindingIsReadableAtTheDefaultSizeWithItsScoreAndSeverity() {
        Table findings = panel.findings().getTable();
        int shown = analysis.findings().size();
        assertTrue(shown >= 3, "findings: " + shown);
        int visibleRows = (findings.getClientArea().height - findings.getHeaderHeight()) / findings.getItemHeight();
        assertTrue(visibleRows >= shown, visibleRows + " rows visible of " + shown + " findings at "
                + DEFAULT_WIDTH + "x" + DEFAULT_HEIGHT);
        assertEquals(SWT.HORIZONTAL, panel.parts().getOrientation(), "wide and low: side by side");
        int columns = 0;
        for (TableColumn column : findings.getColumns()) {
            columns += column.getWidth();
        }
        assertTrue(columns <= findings.getClientArea().width, "no column runs past the table: " + columns + " > "
                + findings.getClientArea().width);
        List<String[]> rows = Screenshots.rows(findings);
        for (int i = 0; i < shown; i++) {
            Finding finding = analysis.findings().get(i);
            assertEquals(finding.severity().getLocalizedName(), rows.get(i)[0]);
            assertEquals(finding.scoreText(), rows.get(i)[1], "the score every report prints");
            assertEquals(String.valueOf(Math.round(finding.score())), rows.get(i)[1]);
        }
    }

    @Test
    void tooltipsWrapTheirLines() {
        for (Finding finding : analysis.findings()) {
            for (String line : FindingsTable.toolTip(finding).split("\n")) {
                assertTrue(line.length() <= FindingsTable.TOOLTIP_LINE || !line.contains(" "), line);
            }
        }
    }

    /** Clicking a finding selects the culprit it names first, in that culprit's table. */
    @Test
    void clickingEachFindingSelectsTheFirstCulpritItNames() throws Exception {
        Table findings = panel.findings().getTable();
        for (int i = 0; i < analysis.findings().size(); i++) {
            Finding finding = analysis.findings().get(i);
            Culprit first = finding.culprits().stream().filter(culprit -> culprit.kind() != Culprit.Kind.FIELD)
                    .filter(culprit -> inTable(culprit)).findFirst().orElse(null);
            if (first == null) {
                continue;
            }
            findings.setSelection(i);
            findings.notifyListeners(SWT.Selection, new Event());
            Screenshots.settle(display);
            Table table = panel.table(HotSpotsPanel.tabOf(first.kind())).getTable();
            assertEquals(1, table.getSelectionCount(), finding.name());
            assertEquals(HotSpotTable.shortName(first.name()), table.getSelection()[0].getText(0),
                    finding.name() + ": " + finding.culprits());
        }
    }

    /** The screenshot of the README: the Serialization Hot Spot finding clicked. */
    @Test
    void screenshotOfTheViewWithTheHotSpotFindingClicked() throws Exception {
        Table findings = panel.findings().getTable();
        List<String> rules = Screenshots.column(Screenshots.rows(findings), 2);
        int hotSpot = rules.indexOf("Serialization Hot Spot");
        findings.setSelection(Math.max(0, hotSpot));
        findings.notifyListeners(SWT.Selection, new Event());
        Screenshots.settle(display);
        Path file = TestOutput.directory().resolve("screenshots").resolve("hot-spots-view-production.png");
        Screenshots.save(shell, file);
        assertTrue(java.nio.file.Files.size(file) < 200_000, file + " is " + java.nio.file.Files.size(file) + " bytes");
    }

    private static boolean inTable(Culprit culprit) {
        return Screenshots.column(Screenshots.rows(panel.table(HotSpotsPanel.tabOf(culprit.kind())).getTable()), 0)
                .contains(HotSpotTable.shortName(culprit.name()));
    }

    /** Calls per root class summed from the statistics events with the JDK's own reader, both directions. */
    private static Map<String, Long> statisticsCallsByClass(Path file) throws Exception {
        Map<String, Long> calls = new TreeMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("serialscope.SerializationStatistics")
                    && event.getClass("rootClass") != null) {
                calls.merge(event.getClass("rootClass").getName(), event.getLong("calls"), Long::sum);
            } else if (event.getEventType().getName().equals("serialscope.SerializationStatistics")) {
                calls.merge("(other classes)", event.getLong("calls"), Long::sum);
            }
        }
        return calls;
    }
}
