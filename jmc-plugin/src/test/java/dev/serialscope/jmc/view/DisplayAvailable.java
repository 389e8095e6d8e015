package dev.serialscope.jmc.view;

import org.junit.jupiter.api.Assumptions;

/** SWT needs an X display; without one the UI tests are skipped with instructions rather than failing. */
final class DisplayAvailable {

    private DisplayAvailable() {
    }

    static void assumeDisplay() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isEmpty(),
                "Skipping the SWT view test: no X display (DISPLAY is not set). Run it under Xvfb, e.g. "
                        + "xvfb-run -a -s \"-screen 0 1600x1000x24\" mvn -B -pl jmc-plugin install");
    }
}
