package dev.serialscope.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TimingSampleTest {

    @Test
    void readsAllAndOneInN() {
        assertEquals(1, TimingSample.interval("all"));
        assertEquals(16, TimingSample.interval("1/16"));
        assertEquals(1, TimingSample.interval("1/1"));
        assertEquals(64, TimingSample.interval(" 1/64 "));
    }

    @Test
    void nonsenseTimesEveryCall() {
        assertEquals(1, TimingSample.interval("sometimes"));
        assertEquals(1, TimingSample.interval("1/0"));
        assertEquals(1, TimingSample.interval("2/16"));
    }

    @Test
    void recordingsCombineToTheMostFrequentTiming() {
        TimingSample setting = new TimingSample();
        assertEquals("all", setting.combine(Set.of("1/16", "all")));
        assertEquals("1/4", setting.combine(Set.of("1/16", "1/4")));
    }

    @Test
    void publishesWhatTheAgentReads() {
        TimingSample setting = new TimingSample();
        try {
            setting.setValue("1/32");
            assertEquals(32, CurrentSettings.timingInterval);
        } finally {
            setting.setValue("all");
        }
        assertEquals(1, CurrentSettings.timingInterval);
    }
}
