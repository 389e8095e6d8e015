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
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;

/**
 * The SerialScope rules' findings, one row each, in the order given (highest score first): severity with JMC's
 * icon, score, rule and summary; the tooltip holds the whole summary and the culprits, wrapped.
 */
final class FindingsTable {

    /** Tooltip lines stay this short, so that a tooltip never runs off the screen. */
    static final int TOOLTIP_LINE = 100;
    static final int SUMMARY_COLUMN = 3;

    private final TableViewer viewer;
    private final SeverityImages severityImages;

    FindingsTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        severityImages = new SeverityImages(viewer.getTable());
        ColumnViewerToolTipSupport.enableFor(viewer);
        addColumn("Severity", 90, SWT.LEFT, finding -> finding.severity().getLocalizedName(),
                finding -> severityImages.of(finding.severity()));
        addColumn("Score", 50, SWT.RIGHT, Finding::scoreText, finding -> null);
        addColumn("Rule", 170, SWT.LEFT, Finding::name, finding -> null);
        addColumn("Summary", 400, SWT.LEFT, Finding::summary, finding -> null);
        ColumnFit.fill(viewer.getTable(), SUMMARY_COLUMN, 200);
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

    /** The summary and the culprits, one culprit a line, every line wrapped at {@link #TOOLTIP_LINE} characters. */
    static String toolTip(Finding finding) {
        String culprits = finding.culprits().stream().map(Culprit::toString).map(FindingsTable::wrap)
                .collect(Collectors.joining("\n"));
        return wrap(finding.summary()) + (culprits.isEmpty() ? "" : "\n\n" + culprits);
    }

    /** Breaks at the last space before the limit; a word longer than a line (a class name) stays whole. */
    static String wrap(String text) {
        StringBuilder wrapped = new StringBuilder(text.length() + 16);
        int lineStart = 0;
        while (text.length() - lineStart > TOOLTIP_LINE) {
            int space = text.lastIndexOf(' ', lineStart + TOOLTIP_LINE);
            if (space <= lineStart) {
                space = text.indexOf(' ', lineStart + TOOLTIP_LINE);
                if (space < 0) {
                    break;
                }
            }
            wrapped.append(text, lineStart, space).append('\n');
            lineStart = space + 1;
        }
        return wrapped.append(text, lineStart, text.length()).toString();
    }

    private void addColumn(String title, int width, int alignment, Function<Finding, String> text,
            Function<Finding, Image> image) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Finding) element);
            }

            @Override
            public Image getImage(Object element) {
                return image.apply((Finding) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return toolTip((Finding) element);
            }
        });
    }
}
