package dev.serialscope.probe.javaserial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentOutputsTest {

    @Test
    void anArrayAsLongAsARecentOutputOrAStreamHeaderLongerHoldsIt() {
        RecentOutputs outputs = new RecentOutputs();
        outputs.add(942_331);
        assertTrue(outputs.holds(942_331));
        assertTrue(outputs.holds(942_334));
        assertFalse(outputs.holds(942_330));
        assertFalse(outputs.holds(942_348));
    }

    @Test
    void smallOutputsAreNotRememberedAndOnlyTheLastFourAre() {
        RecentOutputs outputs = new RecentOutputs();
        outputs.add(500);
        assertFalse(outputs.holds(500));
        for (long size = 10_000; size <= 50_000; size += 10_000) {
            outputs.add(size);
        }
        assertFalse(outputs.holds(10_000));
        assertTrue(outputs.holds(20_000));
        assertTrue(outputs.holds(50_000));
    }
}
