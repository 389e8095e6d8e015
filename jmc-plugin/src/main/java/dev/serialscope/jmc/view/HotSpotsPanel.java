package dev.serialscope.jmc.view;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.events.ControlListener;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;

import dev.serialscope.jmc.analysis.RecordingAnalysis;

import dev.serialscope.rules.analysis.HotSpots;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;

/**
 * The content of the Serialization Hot Spots view, independent of the workbench: a status line that says what
 * counts every call and what only the calls with a per-call event, then the rules' findings, the top root classes /
 * call sites / channels as tabs, and a bar chart of the selected tab's bytes. Side by side when the view is wide
 * (stacked with JMC's Stack Trace view it is wide and low), one above the other when it is tall, so that the
 * findings are readable at the view's default size. Selecting a finding selects the first culprit it names in that
 * culprit's table.
 */
public final class HotSpotsPanel {

    static final String NO_RECORDING = "Open a flight recording to see its serialization hot spots.";
    static final int ROOT_CLASSES_TAB = 0;
    static final int CALL_SITES_TAB = 1;
    static final int CHANNELS_TAB = 2;

    private static final String[] TAB_TITLES = {"Root Classes", "Call Sites", "Channels"};
    private static final String[] CHART_TITLES = {"Bytes per root class", "Bytes per call site", "Bytes per channel"};
    /** Findings, tables and chart side by side, or one above the other. */
    private static final int[] WIDE_WEIGHTS = {44, 36, 20};
    private static final int[] TALL_WEIGHTS = {30, 40, 30};

    private final Composite root;
    private final Label status;
    private final SashForm parts;
    private final TabFolder tabs;
    private final HotSpotTable[] tables = new HotSpotTable[TAB_TITLES.length];
    private final Label chartTitle;
    private final HotSpotBarChart chart;
    private final FindingsTable findings;
    private HotSpots shown = HotSpots.NONE;

    public HotSpotsPanel(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout();
        layout.marginHeight = 2;
        layout.verticalSpacing = 2;
        root.setLayout(layout);
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        parts = new SashForm(root, SWT.HORIZONTAL);
        parts.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        findings = new FindingsTable(parts);
        findings.onSelect(this::selectCulprit);

        tabs = new TabFolder(parts, SWT.TOP);
        String[] keyTitles = {"Root Class", "Call Site", "Channel"};
        for (int i = 0; i < TAB_TITLES.length; i++) {
            tables[i] = new HotSpotTable(tabs, keyTitles[i]);
            TabItem tab = new TabItem(tabs, SWT.NONE);
            tab.setText(TAB_TITLES[i]);
            tab.setControl(tables[i].getTable());
        }
        tabs.addListener(SWT.Selection, event -> showChartOfSelectedTab());

        Composite chartArea = new Composite(parts, SWT.NONE);
        chartArea.setLayout(new GridLayout());
        chartTitle = new Label(chartArea, SWT.NONE);
        chartTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        chart = new HotSpotBarChart(chartArea);
        chart.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        parts.setWeights(WIDE_WEIGHTS);
        parts.addControlListener(ControlListener.controlResizedAdapter(event -> fitOrientation()));

        showMessage(NO_RECORDING);
    }

    /** Side by side when the view is at least twice as wide as it is high. */
    private void fitOrientation() {
        Rectangle area = parts.getClientArea();
        int orientation = area.width >= 2 * area.height ? SWT.HORIZONTAL : SWT.VERTICAL;
        if (parts.getOrientation() != orientation) {
            parts.setOrientation(orientation);
            parts.setWeights(orientation == SWT.HORIZONTAL ? WIDE_WEIGHTS : TALL_WEIGHTS);
        }
    }

    public Control getControl() {
        return root;
    }

    public void setFocus() {
        tabs.setFocus();
    }

    /** Replaces the content with a message, e.g. while a recording is parsed. */
    public void showMessage(String message) {
        status.setText(message);
        show(HotSpots.NONE, List.of());
    }

    public void show(RecordingAnalysis analysis) {
        status.setText(statusOf(analysis));
        show(analysis.hotSpots(), analysis.findings());
    }

    /** Says which numbers count every call (the statistics) and which only the calls with a per-call event. */
    static String statusOf(RecordingAnalysis analysis) {
        HotSpots hotSpots = analysis.hotSpots();
        String sources = hotSpots.sitesFromSomeCalls()
                ? String.format(". Calls and root classes: statistics, every call; call sites and channels: the %,d "
                        + "calls with a per-call event", hotSpots.perCallEvents())
                : "";
        return String.format("%s: %,d calls, %d findings%s", analysis.recordingName(), hotSpots.calls(),
                analysis.findings().size(), sources);
    }

    private void show(HotSpots hotSpots, List<Finding> results) {
        shown = hotSpots;
        tables[ROOT_CLASSES_TAB].setInput(hotSpots.rootClasses());
        tables[CALL_SITES_TAB].setInput(hotSpots.callSites());
        tables[CHANNELS_TAB].setInput(hotSpots.channels());
        findings.setInput(results);
        showChartOfSelectedTab();
        root.layout(true, true);
    }

    private void showChartOfSelectedTab() {
        int tab = Math.max(0, tabs.getSelectionIndex());
        chartTitle.setText(CHART_TITLES[tab] + (tab != ROOT_CLASSES_TAB && shown.sitesFromSomeCalls()
                ? " (calls with a per-call event)" : ""));
        List<Tally> bars = switch (tab) {
            case CALL_SITES_TAB -> shown.callSites();
            case CHANNELS_TAB -> shown.channels();
            default -> shown.rootClasses();
        };
        chart.setBars(bars);
    }

    /**
     * Shows the first culprit the finding names that is in a table: the one its summary is about (issue 16: a
     * finding about ChattySocket$Order selected RateTable, the first class of the finding's class culprits).
     */
    private void selectCulprit(Finding finding) {
        for (Culprit culprit : finding.culprits()) {
            int tab = tabOf(culprit.kind());
            if (tab >= 0 && tables[tab].select(culprit.name())) {
                tabs.setSelection(tab);
                showChartOfSelectedTab();
                return;
            }
        }
    }

    /** The tab that lists culprits of this kind, or -1: field paths and stores have no table of their own. */
    static int tabOf(Culprit.Kind kind) {
        return switch (kind) {
            case CLASS -> ROOT_CLASSES_TAB;
            case SITE -> CALL_SITES_TAB;
            case CHANNEL -> CHANNELS_TAB;
            case FIELD, STORE -> -1;
        };
    }

    HotSpotTable table(int tab) {
        return tables[tab];
    }

    FindingsTable findings() {
        return findings;
    }

    SashForm parts() {
        return parts;
    }

    HotSpotBarChart chart() {
        return chart;
    }

    String status() {
        return status.getText();
    }
}
