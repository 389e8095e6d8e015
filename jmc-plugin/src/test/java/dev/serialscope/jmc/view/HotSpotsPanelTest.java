package dev.serialscope.jmc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.shop.Shop;

import dev.serialscope.jmc.analysis.AnalysisProgress;
import dev.serialscope.jmc.analysis.RecordingAnalysis;
import dev.serialscope.jmc.analysis.RecordingAnalyzer;
import dev.serialscope.jmc.analysis.SerialScopeRules;
import dev.serialscope.jmc.testing.SampleRecording;
import dev.serialscope.jmc.testing.TestOutput;

/**
 * Renders the view's content for a real recording in a real SWT shell, checks what the tables say, clicks a
 * finding and saves a screenshot. Needs an X display: run under xvfb-run on a machine without one.
 */
class HotSpotsPanelTest {

    private static final String DAILY_REPORT = "com.example.shop.DailyReport";
    private static final String ORDER = "com.example.shop.Order";
    private static final String SESSION = "com.example.shop.CustomerSession";

    private static Display display;
    private static Shell shell;
    private static HotSpotsPanel panel;

    @BeforeAll
    static void showSampleRecording() throws Exception {
        if (!DisplayAvailable.present()) {
            // Surefire shows skipped tests without their reason: say it where the build log shows it.
            System.err.println(DisplayAvailable.SKIP_REASON);
            return;
        }
        RecordingAnalysis analysis = new RecordingAnalyzer(
                SerialScopeRules.loadFrom(HotSpotsPanelTest.class.getClassLoader()))
                .analyze(SampleRecording.get().toFile(), AnalysisProgress.NONE);
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
    void statusLineCountsTheCallsOfTheRecording() {
        assertEquals("shop.jfr: 866 serialization and deserialization calls, " + rows(findingsTable()).size()
                + " findings", panel.status());
    }

    @Test
    void rootClassesAreRankedByBytes() {
        List<String[]> rows = rows(panel.table(HotSpotsPanel.ROOT_CLASSES_TAB).getTable());
        assertEquals(List.of(DAILY_REPORT, SESSION, ORDER), column(rows, 0));
        assertEquals("6", rows.get(0)[1]);
        assertEquals("30 MiB", rows.get(0)[2].replaceAll("\\p{Zs}", " "), "JMC puts a no-break space before the unit");
        assertEquals("800", rows.get(2)[1], "orders are written and read back");
    }

    @Test
    void callSitesAreTheApplicationMethodsNotTheSerializationMachinery() {
        List<String> sites = column(rows(panel.table(HotSpotsPanel.CALL_SITES_TAB).getTable()), 0);
        assertEquals(4, sites.size(), sites.toString());
        assertTrue(sites.get(0).startsWith("com.example.shop.Shop.exportDailyReport:"), sites.toString());
        assertTrue(sites.stream().anyMatch(site -> site.startsWith("com.example.shop.Shop.receiveOrders:")),
                sites.toString());
    }

    @Test
    void channelsAreRankedByBytes() {
        assertEquals(List.of(Shop.REPORT_CHANNEL, Shop.SESSION_CHANNEL, Shop.ORDER_CHANNEL),
                column(rows(panel.table(HotSpotsPanel.CHANNELS_TAB).getTable()), 0));
    }

    @Test
    void findingsNameTheRulesAndTheirCulprits() {
        List<String[]> findings = rows(findingsTable());
        String[] largePayload = findings.stream().filter(row -> row[1].equals("Large Payloads")).findFirst()
                .orElseThrow(() -> new AssertionError("no Large Payloads finding in " + column(findings, 1)));
        assertEquals("Warning", largePayload[0]);
        assertTrue(largePayload[3].contains("class " + DAILY_REPORT), largePayload[3]);
    }

    @Test
    void clickingAFindingSelectsItsCulpritClass() throws Exception {
        Table rootClasses = panel.table(HotSpotsPanel.ROOT_CLASSES_TAB).getTable();
        rootClasses.deselectAll();
        Table findings = findingsTable();
        int largePayload = column(rows(findings), 1).indexOf("Large Payloads");
        findings.setSelection(largePayload);
        findings.notifyListeners(SWT.Selection, new Event());
        settle();
        assertEquals(1, rootClasses.getSelectionCount());
        assertEquals(DAILY_REPORT, rootClasses.getSelection()[0].getText(0));

        Path screenshot = TestOutput.directory().resolve("screenshots").resolve("serialization-hot-spots.png");
        ImageData pixels = screenshot(screenshot);
        Rectangle firstBar = display.map(panel.chart().getControl(), shell, panel.chart().firstBarBounds());
        Point middle = new Point(firstBar.x + firstBar.width / 2, firstBar.y + firstBar.height / 2);
        assertEquals(HotSpotBarChart.BAR_RGB, pixels.palette.getRGB(pixels.getPixel(middle.x, middle.y)),
                "the first bar's colour in " + screenshot);
    }

    private static Table findingsTable() {
        return panel.findings().getTable();
    }

    private static ImageData screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Rectangle area = shell.getClientArea();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader png = new ImageLoader();
            png.data = new ImageData[] {image.getImageData()};
            png.save(file.toString(), SWT.IMAGE_PNG);
            return png.data[0];
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static List<String[]> rows(Table table) {
        List<String[]> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            String[] cells = new String[table.getColumnCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = item.getText(i);
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> column(List<String[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toList();
    }

    /** Lets SWT lay out and paint: there is no way to ask GTK whether it has painted everything. */
    private static void settle() throws InterruptedException {
        for (int round = 0; round < 30; round++) {
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(10);
        }
    }
}
