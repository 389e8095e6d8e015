package dev.serialscope.jmc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.IDisplayable;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.IState;
import org.openjdk.jmc.common.item.Aggregators;
import org.openjdk.jmc.common.item.IAggregator;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemFilter;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.item.PersistableItemFilter;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.util.StateToolkit;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import dev.serialscope.jmc.testing.SampleRecording;
import dev.serialscope.jmc.testing.TestOutput;

/**
 * The tables of the Serialization and Serialization Calls pages on a production recording, as their states in
 * pages.xml define them and as JMC's itemhandler page names its columns (the grouping attribute's label, the
 * aggregator's name: "Total" before a summed attribute's label), with the widths, name, description and icon of
 * the state, drawn in plain SWT: JMC's page classes are not on Maven Central. What JMC itself draws around them
 * (toolbar, tabs, chart, sash) could only be judged in a running JMC. Issue 16: "Total Total Time" columns, a root
 * class column too narrow for the samples' class names next to an empty last column, a description wider than the
 * editor, lambda classes named as the JVM names the hidden class.
 */
class SerializationPagePreviewTest {

    /** The editor area of JMC in a 1600x1000 window, the Outline beside it. */
    private static final int EDITOR_WIDTH = 1000;

    @Test
    void theSerializationPageNamesItsColumnsOnceAndFitsTheEditor() throws Exception {
        List<String[]> rows = showPage("Serialization", "serialization-page-production.png",
                List.of("Root Class Name", "Total Calls", "Total Bytes", "Total Call Time", "Total Failures"));
        String order = SampleRecording.SAMPLES_PACKAGE + "ChattySocket$Order";
        assertTrue(rows.stream().anyMatch(row -> row[0].equals(order)), "every class of the statistics");
        assertLambdaByItsOwner(rows);
    }

    /**
     * The pages group by Root Class Name: a lambda class reads Owner$$Lambda, as the view, the rules and the CLI
     * name it, where the Class field reads as the JVM named the hidden class (issue 16).
     */
    @Test
    void theSerializationCallsPageNamesLambdaClassesByTheirOwner() throws Exception {
        List<String[]> rows = showPage("Serialization Calls", "serialization-calls-page-production.png",
                List.of("Root Class Name", "Count", "Total Bytes", "Maximum Bytes", "Total Duration"));
        assertLambdaByItsOwner(rows);
    }

    private static void assertLambdaByItsOwner(List<String[]> rows) {
        String lambda = SampleRecording.SAMPLES_PACKAGE + "CapturingLambda$ReportJob$$Lambda";
        assertTrue(rows.stream().anyMatch(row -> row[0].equals(lambda)), () -> "no row " + lambda + " in "
                + rows.stream().map(row -> row[0]).toList());
        assertTrue(rows.stream().noneMatch(row -> row[0].contains("0x")), "hidden class suffixes");
    }

    /**
     * Draws the page's histogram table as JMC does (titles, widths, one row per key, most bytes first) in an editor
     * of {@link #EDITOR_WIDTH}, checks that titles, description and keys fit, and saves it; returns the rows.
     */
    private static List<String[]> showPage(String pageName, String screenshot, List<String> expectedTitles)
            throws Exception {
        DisplayAvailable.assumeDisplay();
        Path recording = ProductionRecordingViewTest.productionRecording();
        IState state = page(pageName).getChild("state");
        IItemCollection shown = JfrLoaderToolkit.loadEvents(recording.toFile())
                .apply(PersistableItemFilter.readFrom(state.getChild("pageFilter")));
        Map<String, IAttribute<?>> attributes = attributesOf(shown);
        IState histogram = state.getChild("histogram");
        IState[] columns = histogram.getChild("table").getChildren("column");

        List<String> titles = new ArrayList<>();
        int width = 0;
        for (IState column : columns) {
            titles.add(title(column.getAttribute("id"), histogram.getAttribute("groupBy"), attributes));
            width += Integer.parseInt(column.getAttribute("width"));
        }
        assertEquals(expectedTitles, titles);
        assertTrue(titles.stream().noneMatch(title -> title.startsWith("Total Total")), titles.toString());
        assertTrue(width <= EDITOR_WIDTH, "columns of " + width + " px in an editor of " + EDITOR_WIDTH);

        List<String[]> rows = rows(shown, attributes, histogram.getAttribute("groupBy"), columns);
        Display display = new Display();
        try {
            Shell shell = new Shell(display);
            shell.setText(state.getAttribute("name"));
            shell.setLayout(new GridLayout());
            Image icon = icon(display, state.getAttribute("icon"));
            Label name = new Label(shell, SWT.NONE);
            name.setImage(icon);
            Label title = new Label(shell, SWT.NONE);
            title.setText(state.getAttribute("name"));
            Label description = new Label(shell, SWT.NONE);
            description.setText(state.getAttribute("description"));
            Table table = new Table(shell, SWT.FULL_SELECTION | SWT.BORDER);
            table.setHeaderVisible(true);
            table.setLinesVisible(true);
            table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            for (int i = 0; i < columns.length; i++) {
                TableColumn column = new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT);
                column.setText(titles.get(i));
                column.setWidth(Integer.parseInt(columns[i].getAttribute("width")));
            }
            for (String[] row : rows) {
                new TableItem(table, SWT.NONE).setText(row);
            }
            shell.setSize(EDITOR_WIDTH, 360);
            shell.open();
            Screenshots.settle(display);
            assertTrue(description.getSize().x <= shell.getClientArea().width, "the description fits on one line");
            for (TableColumn column : table.getColumns()) {
                // The title, the sort arrow JMC draws beside it, and the margins.
                int titleWidth = textWidth(table, column.getText()) + 16;
                assertTrue(titleWidth <= column.getWidth(), "\"" + column.getText() + "\" is cut: " + titleWidth
                        + " px in " + column.getWidth());
            }
            for (TableItem item : table.getItems()) {
                int textWidth = textWidth(table, item.getText(0));
                assertTrue(textWidth <= table.getColumn(0).getWidth(), item.getText(0) + " is cut: " + textWidth
                        + " px in " + table.getColumn(0).getWidth());
            }
            Path file = TestOutput.directory().resolve("screenshots").resolve(screenshot);
            Screenshots.save(shell, file);
            assertTrue(Files.size(file) < 200_000, file + " is " + Files.size(file) + " bytes");
            icon.dispose();
        } finally {
            display.dispose();
        }
        return rows;
    }

    private static IState page(String name) throws Exception {
        try (InputStream xml = SerializationPagePreviewTest.class.getResourceAsStream("/pages.xml")) {
            IState pages = StateToolkit.fromXMLString(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
            return Stream.of(pages.getChildren()).filter(page -> page.getChild("state").getAttribute("name")
                    .equals(name)).findFirst().orElseThrow();
        }
    }

    /** JMC's column title: the key column is the grouping attribute, the others the aggregator's name. */
    @SuppressWarnings("unchecked")
    private static String title(String id, String groupBy, Map<String, IAttribute<?>> attributes) {
        if (id.equals("itemhistogram.key")) {
            return attributes.values().stream().filter(attribute -> attribute.getIdentifier().equals(groupBy))
                    .findFirst().orElseThrow().getName();
        }
        return aggregator(id, attributes).getName();
    }

    /** The aggregator of a histogram column: the count, or SUM/MAX of "attribute:content type". */
    @SuppressWarnings("unchecked")
    private static IAggregator<IQuantity, ?> aggregator(String id, Map<String, IAttribute<?>> attributes) {
        if (id.equals("itemhistogram.count")) {
            return Aggregators.count();
        }
        IAttribute<IQuantity> attribute = (IAttribute<IQuantity>) attributes.get(id.substring("SUM".length()));
        assertTrue(attribute != null, id);
        if (id.startsWith("SUM")) {
            return Aggregators.sum(attribute);
        }
        assertTrue(id.startsWith("MAX"), id);
        return Aggregators.max(attribute);
    }

    /** One row per key, most bytes first, each cell formatted as JMC formats its quantity. */
    private static List<String[]> rows(IItemCollection items, Map<String, IAttribute<?>> attributes, String groupBy,
            IState[] columns) {
        IAttribute<?> key = attributes.values().stream().filter(attribute -> attribute.getIdentifier().equals(groupBy))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        IAttribute<IQuantity> bytes = (IAttribute<IQuantity>) attributes.get("bytes:memory");
        List<String[]> rows = new ArrayList<>();
        Map<String[], Double> byBytes = new HashMap<>();
        for (Object value : items.getAggregate(Aggregators.distinct(key))) {
            IItemCollection group = items.apply(equalTo(key, value));
            String[] row = new String[columns.length];
            row[0] = value == null ? "" : value instanceof IMCType ? ((IMCType) value).getFullName() : value.toString();
            for (int i = 1; i < columns.length; i++) {
                row[i] = group.getAggregate(aggregator(columns[i].getAttribute("id"), attributes))
                        .displayUsing(IDisplayable.AUTO);
            }
            byBytes.put(row, group.getAggregate(Aggregators.sum(bytes)).doubleValue());
            rows.add(row);
        }
        rows.sort(Comparator.comparingDouble((String[] row) -> byBytes.get(row)).reversed());
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static <T> IItemFilter equalTo(IAttribute<T> key, Object value) {
        return ItemFilters.equals(key, (T) value);
    }

    /** What JMC's ItemList.getColumnId makes of each attribute: "identifier:content type". */
    @SuppressWarnings("deprecation")
    private static Map<String, IAttribute<?>> attributesOf(IItemCollection items) {
        Map<String, IAttribute<?>> attributes = new HashMap<>();
        for (IItemIterable batch : items) {
            for (IAttribute<?> attribute : batch.getType().getAttributes()) {
                attributes.put(attribute.getIdentifier() + ':' + attribute.getContentType().getIdentifier(), attribute);
            }
        }
        return attributes;
    }

    private static Image icon(Display display, String base64) {
        return new Image(display, new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static int textWidth(Table table, String text) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
        try {
            // The cell's margins on both sides, as GTK draws them.
            return gc.textExtent(text).x + 12;
        } finally {
            gc.dispose();
        }
    }
}
