package dev.serialscope.jmc.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/** What the SWT tests share: letting SWT paint, reading tables as text, and saving the shell as a PNG. */
final class Screenshots {

    private Screenshots() {
    }

    /** Lets SWT lay out and paint: there is no way to ask GTK whether it has painted everything. */
    static void settle(Display display) throws InterruptedException {
        for (int round = 0; round < 30; round++) {
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(10);
        }
    }

    /** Copies the shell's client area from the screen into a PNG file; returns the pixels. */
    static ImageData save(Shell shell, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Rectangle area = shell.getClientArea();
        Image image = new Image(shell.getDisplay(), area.width, area.height);
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

    static List<String[]> rows(Table table) {
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

    static List<String> column(List<String[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toList();
    }
}
