package dev.serialscope.jmc.view;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;

/** The SerialScope rules' findings, one row each, in the order given (highest score first). */
final class FindingsTable {

    private final TableViewer viewer;

    FindingsTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        // Summaries and culprit lists are longer than any column: the tooltip shows them whole.
        ColumnViewerToolTipSupport.enableFor(viewer);
        addColumn("Severity", 100, finding -> finding.severity().getLocalizedName());
        addColumn("Rule", 220, Finding::name);
        addColumn("Summary", 520, Finding::summary);
        addColumn("Culprits", 420, finding -> culprits(finding, "; "));
    }

    Table getTable() {
        return viewer.getTable();
    }

    void setInput(List<Finding> findings) {
        viewer.setInput(findings);
    }

    void onSelect(Consumer<Finding> listener) {
        viewer.addSelectionChangedListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected != null) {
                listener.accept((Finding) selected);
            }
        });
    }

    private static String culprits(Finding finding, String separator) {
        return finding.culprits().stream().map(Culprit::toString).collect(Collectors.joining(separator));
    }

    private void addColumn(String title, int width, Function<Finding, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Finding) element);
            }

            @Override
            public String getToolTipText(Object element) {
                Finding finding = (Finding) element;
                return finding.summary() + "\n\n" + culprits(finding, "\n");
            }
        });
    }
}
