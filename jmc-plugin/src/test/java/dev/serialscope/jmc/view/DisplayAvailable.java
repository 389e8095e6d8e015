package dev.serialscope.jmc.view;

import org.junit.jupiter.api.Assumptions;

/** SWT needs an X display; without one the UI tests are skipped with instructions rather than failing. */
final class DisplayAvailable {

    static final String SKIP_REASON = "Skipping the SWT view test: no X display (DISPLAY is not set). Run it under "
            + "Xvfb, e.g. xvfb-run -a -s \"-screen 0 1600x1000x24\" mvn -B -pl jmc-plugin install";

    private DisplayAvailable() {
    }

    static boolean present() {
        String display = System.getenv("DISPLAY");
        return display != null && !display.isEmpty();
    }

    static void assumeDisplay() {
        Assumptions.assumeTrue(present(), SKIP_REASON);
    }
}
