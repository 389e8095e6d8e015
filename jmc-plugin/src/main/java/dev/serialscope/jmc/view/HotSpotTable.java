package dev.serialscope.jmc.view;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.openjdk.jmc.common.IDisplayable;
import org.openjdk.jmc.common.unit.UnitLookup;

import dev.serialscope.rules.recording.Tally;

/**
 * One grouping of the hot spots: key, calls, bytes and time. Sorted by bytes; a click on a number column
 * sorts by that column instead, largest first.
 */
final class HotSpotTable {

    private static final Pattern PACKAGE = Pattern.compile("^(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");

    private final TableViewer viewer;

    HotSpotTable(Composite parent, String keyTitle) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        addColumn(keyTitle, 300, SWT.LEFT, tally -> shortName(tally.key()), null);
        addColumn("Calls", 65, SWT.RIGHT, tally -> String.format("%,d", tally.calls()),
                Comparator.comparingLong(Tally::calls));
        TableViewerColumn bytes = addColumn("Bytes", 85, SWT.RIGHT,
                tally -> UnitLookup.BYTE.quantity(tally.bytes()).displayUsing(IDisplayable.AUTO),
                Comparator.comparingLong(Tally::bytes));
        addColumn("Time", 85, SWT.RIGHT,
                tally -> UnitLookup.NANOSECOND.quantity(tally.nanos()).displayUsing(IDisplayable.AUTO),
                Comparator.comparingLong(Tally::nanos));
        sortBy(bytes, Comparator.comparingLong(Tally::bytes));
        ColumnFit.fill(viewer.getTable(), 0, 220);
    }

    /**
     * A class or call site without its package ({@code PipeTaskShipping$Task}, {@code PipeTaskShipping.runDriver:86}),
     * as the rules' messages name them: the view is narrow. Channels and other keys stay as they are; the tooltip
     * has the full name.
     */
    static String shortName(String key) {
        return PACKAGE.matcher(key).replaceFirst("");
    }

    Table getTable() {
        return viewer.getTable();
    }

    void setInput(List<Tally> tallies) {
        viewer.setInput(tallies);
    }

    /** Selects and reveals the row of {@code key}; false when the key is not in the table. */
    boolean select(String key) {
        for (Object element : (List<?>) viewer.getInput()) {
            if (((Tally) element).key().equals(key)) {
                viewer.setSelection(new StructuredSelection(element), true);
                return true;
            }
        }
        return false;
    }

    private TableViewerColumn addColumn(String title, int width, int alignment, Function<Tally, String> text,
            Comparator<Tally> order) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Tally) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return ((Tally) element).key();
            }
        });
        if (order != null) {
            column.getColumn().addListener(SWT.Selection, event -> sortBy(column, order));
        }
        return column;
    }

    private void sortBy(TableViewerColumn column, Comparator<Tally> order) {
        Comparator<Tally> largestFirst = order.reversed();
        viewer.getTable().setSortColumn(column.getColumn());
        viewer.getTable().setSortDirection(SWT.DOWN);
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer ignored, Object left, Object right) {
                return largestFirst.compare((Tally) left, (Tally) right);
            }
        });
    }
}
