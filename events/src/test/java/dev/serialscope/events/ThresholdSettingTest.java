package dev.serialscope.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdSettingTest {

    @Test
    void parsesSizesDurationsAndBoth() {
        ThresholdSetting.Threshold both = ThresholdSetting.Threshold.parse("64 KiB or 10 ms");
        assertEquals(64 * 1024, both.bytes);
        assertEquals(10_000_000, both.nanos);
        assertEquals(0, ThresholdSetting.Threshold.parse("0 B").bytes);
        assertEquals(Long.MAX_VALUE, ThresholdSetting.Threshold.parse("0 B").nanos);
        assertEquals(2_000_000_000L, ThresholdSetting.Threshold.parse("2 s").nanos);
        assertEquals(Long.MAX_VALUE, ThresholdSetting.Threshold.parse("2 s").bytes);
    }

    @Test
    void rejectsValuesWithoutUnit() {
        assertThrows(IllegalArgumentException.class, () -> ThresholdSetting.Threshold.parse("64"));
        assertThrows(IllegalArgumentException.class, () -> ThresholdSetting.Threshold.parse("fast"));
    }

    @Test
    void recordingsCombineToTheMostInclusiveThreshold() {
        SerializationThreshold setting = new SerializationThreshold();
        String combined = setting.combine(Set.of("64 KiB", "10 ms", "1 MiB or 1 ms"));
        ThresholdSetting.Threshold threshold = ThresholdSetting.Threshold.parse(combined);
        assertEquals(64 * 1024, threshold.bytes);
        assertEquals(1_000_000, threshold.nanos);
    }

    @Test
    void publishesWhatTheAgentReads() {
        DeserializationThreshold setting = new DeserializationThreshold();
        setting.setValue("1 MiB or 5 ms");
        assertEquals(1024 * 1024, CurrentSettings.deserializationMinBytes);
        assertEquals(5_000_000, CurrentSettings.deserializationMinNanos);
        setting.setValue("nonsense");
        assertEquals(Long.MAX_VALUE, CurrentSettings.deserializationMinBytes);
        setting.setValue(CurrentSettings.DEFAULT_CALL_THRESHOLD);
        assertEquals(64 * 1024, CurrentSettings.deserializationMinBytes);
    }
}
