package dev.serialscope.jmc.view;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.ControlListener;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.openjdk.jmc.common.IDisplayable;
import org.openjdk.jmc.common.unit.UnitLookup;

import dev.serialscope.rules.recording.Tally;

/** Horizontal bars of bytes per key, each labelled with its key and amount; the first bar is the longest. */
final class HotSpotBarChart {

    /** The bars' colour, also asserted by the screenshot test. */
    static final RGB BAR_RGB = new RGB(224, 123, 0);

    private static final int BAR_HEIGHT = 16;
    private static final int GAP = 6;
    private static final int MARGIN = 8;

    private final Canvas canvas;
    private final Color barColor;
    private List<Tally> bars = List.of();

    HotSpotBarChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        // A device-less Color holds no OS resource, so it needs no disposal.
        barColor = new Color(BAR_RGB);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addPaintListener(event -> paint(event.gc));
        canvas.addControlListener(ControlListener.controlResizedAdapter(e -> canvas.redraw()));
    }

    Control getControl() {
        return canvas;
    }

    void setBars(List<Tally> tallies) {
        bars = tallies;
        canvas.redraw();
    }

    /** Where the first bar is drawn, for tests that look at pixels. */
    Rectangle firstBarBounds() {
        return new Rectangle(MARGIN, MARGIN + labelHeight(), barWidth(0), BAR_HEIGHT);
    }

    private void paint(GC gc) {
        int y = MARGIN;
        int labelHeight = labelHeight(gc);
        for (int i = 0; i < bars.size(); i++) {
            Tally bar = bars.get(i);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawText(label(bar), MARGIN, y, true);
            y += labelHeight;
            gc.setBackground(barColor);
            gc.fillRectangle(MARGIN, y, barWidth(i), BAR_HEIGHT);
            y += BAR_HEIGHT + GAP;
            if (y > canvas.getClientArea().height) {
                return;
            }
        }
    }

    private int barWidth(int index) {
        long max = bars.isEmpty() ? 0 : bars.get(0).bytes();
        int available = Math.max(0, canvas.getClientArea().width - 2 * MARGIN);
        return max == 0 ? 0 : (int) Math.max(1, available * bars.get(index).bytes() / max);
    }

    private static String label(Tally bar) {
        return HotSpotTable.shortName(bar.key()) + "   " + UnitLookup.BYTE.quantity(bar.bytes()).displayUsing(IDisplayable.AUTO);
    }

    private int labelHeight() {
        GC gc = new GC(canvas);
        try {
            return labelHeight(gc);
        } finally {
            gc.dispose();
        }
    }

    private static int labelHeight(GC gc) {
        Point extent = gc.textExtent("Xy");
        return extent.y + 2;
    }
}
