package dev.serialscope.jmc.view;

import org.eclipse.swt.events.ControlListener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Gives one column of a table the width the others leave, so that the view never shows an empty last column. */
final class ColumnFit {

    private ColumnFit() {
    }

    /** From now on, column {@code filling} takes the table's free width, at least {@code minimum} pixels. */
    static void fill(Table table, int filling, int minimum) {
        table.addControlListener(ControlListener.controlResizedAdapter(event -> {
            int others = 0;
            TableColumn[] columns = table.getColumns();
            for (int i = 0; i < columns.length; i++) {
                if (i != filling) {
                    others += columns[i].getWidth();
                }
            }
            columns[filling].setWidth(Math.max(minimum, table.getClientArea().width - others));
        }));
    }
}
