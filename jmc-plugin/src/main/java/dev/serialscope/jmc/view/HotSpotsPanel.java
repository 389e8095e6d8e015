package dev.serialscope.jmc.view;

import java.util.Comparator;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
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
 * The content of the Serialization Hot Spots view, independent of the workbench: a status line, the top root
 * classes / call sites / channels as tabs, a bar chart of the selected tab's bytes, and the rules' findings.
 * Selecting a finding selects its culprit in its table, a root class when the finding names one.
 */
public final class HotSpotsPanel {

    static final String NO_RECORDING = "Open a flight recording to see its serialization hot spots.";
    static final int ROOT_CLASSES_TAB = 0;
    static final int CALL_SITES_TAB = 1;
    static final int CHANNELS_TAB = 2;

    private static final String[] TAB_TITLES = {"Root Classes", "Call Sites", "Channels"};
    private static final String[] CHART_TITLES = {"Bytes per root class", "Bytes per call site", "Bytes per channel"};

    private final Composite root;
    private final Label status;
    private final TabFolder tabs;
    private final HotSpotTable[] tables = new HotSpotTable[TAB_TITLES.length];
    private final Label chartTitle;
    private final HotSpotBarChart chart;
    private final FindingsTable findings;
    private HotSpots shown = HotSpots.NONE;

    public HotSpotsPanel(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout());
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        SashForm topAndFindings = new SashForm(root, SWT.VERTICAL);
        topAndFindings.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm tablesAndChart = new SashForm(topAndFindings, SWT.HORIZONTAL);

        tabs = new TabFolder(tablesAndChart, SWT.TOP);
        String[] keyTitles = {"Root Class", "Call Site", "Channel"};
        for (int i = 0; i < TAB_TITLES.length; i++) {
            tables[i] = new HotSpotTable(tabs, keyTitles[i]);
            TabItem tab = new TabItem(tabs, SWT.NONE);
            tab.setText(TAB_TITLES[i]);
            tab.setControl(tables[i].getTable());
        }
        tabs.addListener(SWT.Selection, event -> showChartOfSelectedTab());

        Composite chartArea = new Composite(tablesAndChart, SWT.NONE);
        chartArea.setLayout(new GridLayout());
        chartTitle = new Label(chartArea, SWT.NONE);
        chartTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        chart = new HotSpotBarChart(chartArea);
        chart.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tablesAndChart.setWeights(3, 2);

        findings = new FindingsTable(topAndFindings);
        findings.onSelect(this::selectCulprit);
        topAndFindings.setWeights(3, 1);

        showMessage(NO_RECORDING);
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
        HotSpots hotSpots = analysis.hotSpots();
        String sites = hotSpots.sitesFromSomeCalls() ? String.format(" (call sites and channels from the %,d with a "
                + "per-call event)", hotSpots.perCallEvents()) : "";
        status.setText(String.format("%s: %,d serialization and deserialization calls%s, %d findings",
                analysis.recordingName(), hotSpots.calls(), sites, analysis.findings().size()));
        show(analysis.hotSpots(), analysis.findings());
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
        chartTitle.setText(CHART_TITLES[tab]);
        List<Tally> bars = switch (tab) {
            case CALL_SITES_TAB -> shown.callSites();
            case CHANNELS_TAB -> shown.channels();
            default -> shown.rootClasses();
        };
        chart.setBars(bars);
    }

    /** Shows the finding's first culprit that is in a table, classes before call sites before channels. */
    private void selectCulprit(Finding finding) {
        List<Culprit> culprits = finding.culprits().stream().sorted(Comparator.comparing(Culprit::kind)).toList();
        for (Culprit culprit : culprits) {
            int tab = tabOf(culprit.kind());
            if (tab >= 0 && tables[tab].select(culprit.name())) {
                tabs.setSelection(tab);
                showChartOfSelectedTab();
                return;
            }
        }
    }

    /** The tab that lists culprits of this kind, or -1: field paths have no table of their own. */
    private static int tabOf(Culprit.Kind kind) {
        return switch (kind) {
            case CLASS -> ROOT_CLASSES_TAB;
            case SITE -> CALL_SITES_TAB;
            case CHANNEL -> CHANNELS_TAB;
            case FIELD -> -1;
        };
    }

    HotSpotTable table(int tab) {
        return tables[tab];
    }

    FindingsTable findings() {
        return findings;
    }

    HotSpotBarChart chart() {
        return chart;
    }

    String status() {
        return status.getText();
    }
}
