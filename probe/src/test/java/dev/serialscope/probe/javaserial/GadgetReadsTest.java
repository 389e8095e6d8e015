package dev.serialscope.probe.javaserial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serialscope.events.CurrentSettings;
import dev.serialscope.events.GadgetClasses;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GadgetReadsTest {

    @AfterEach
    void defaultList() {
        CurrentSettings.gadgetClasses = GadgetClasses.parse(GadgetClasses.DEFAULT);
    }

    @Test
    void gadgetReadsAreWrittenUpToTheRateAndOthersNever() {
        GadgetReads reads = new GadgetReads();
        long second = 1_000_000_000L;
        long base = System.nanoTime();
        long written = IntStream.range(0, 1_000).filter(i -> reads.written(PriorityQueue.class, base + 5 * second + i)).count();
        assertEquals(GadgetReads.MAX_PER_SECOND, written, "within one second");
        assertTrue(reads.written(PriorityQueue.class, base + 6 * second + 1_000), "the next second");
        assertFalse(reads.written(String.class, base + 6 * second + 2_000));
    }

    @Test
    void aNewListJudgesTheClassesAgain() {
        GadgetReads reads = new GadgetReads();
        assertFalse(reads.written(String.class));
        CurrentSettings.gadgetClasses = GadgetClasses.parse("java.lang.*");
        assertTrue(reads.written(String.class));
        assertFalse(reads.written(PriorityQueue.class));
    }
}
