package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serialscope.events.CurrentSettings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallTimingTest {

    private static final int CALLS = 160_000;

    @AfterEach
    void timeEveryCallAgain() {
        CurrentSettings.timingInterval = 1;
    }

    @Test
    void everyCallIsTimedWhenTheIntervalIsOne() {
        CallTiming timing = new CallTiming(42);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(1, timing.next());
        }
    }

    @Test
    void aboutOneInNIsTimedAtVaryingGapsAndStandsForN() {
        CurrentSettings.timingInterval = 16;
        CallTiming timing = new CallTiming(7);
        int timed = 0;
        int sinceLast = 0;
        Set<Integer> gaps = new HashSet<>();
        for (int i = 0; i < CALLS; i++) {
            int weight = timing.next();
            sinceLast++;
            if (weight > 0) {
                assertEquals(timed == 0 ? 1 : 16, weight, "the first call stands for itself, later ones for 16");
                if (timed > 0) {
                    gaps.add(sinceLast);
                }
                timed++;
                sinceLast = 0;
            }
        }
        // 10,000 expected; the gaps are uniform on 1..31, so 5 % either way is many standard deviations.
        assertTrue(timed > 9_500 && timed < 10_500, "timed " + timed + " of " + CALLS);
        assertEquals(31, gaps.size(), "gaps " + gaps);
        assertTrue(gaps.stream().allMatch(gap -> gap >= 1 && gap <= 31), "gaps " + gaps);
    }

    @Test
    void untimedCallsAreJudgedBySizeAlone() {
        assertTrue(CallTiming.passes(64 * 1024, CallTiming.UNTIMED, 64 * 1024, 10_000_000));
        assertFalse(CallTiming.passes(100, CallTiming.UNTIMED, 64 * 1024, 10_000_000));
        assertTrue(CallTiming.passes(100, 10_000_000, 64 * 1024, 10_000_000));
        assertTrue(CallTiming.passes(-1, CallTiming.UNTIMED, 0, Long.MAX_VALUE));
    }

    @Test
    void anEventIsBegunForTimedCallsAndAfterALargeCall() {
        CallTiming timing = new CallTiming(3);
        assertTrue(timing.beginsEvent(16), "a timed call");
        assertFalse(timing.beginsEvent(0), "an untimed call after nothing large");
        timing.ended(64 * 1024, 64 * 1024);
        assertTrue(timing.beginsEvent(0), "an untimed call after one that passed by size");
        timing.ended(100, 64 * 1024);
        assertFalse(timing.beginsEvent(0), "an untimed call after a small one");
    }
}
