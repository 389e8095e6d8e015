package dev.serialscope.events;

import java.util.Set;
import jdk.jfr.SettingControl;

/**
 * {@code serialscope.SerializationComposition#sizeFloor}: a traced call smaller than this writes no
 * composition. Recordings combine to the smallest.
 */
public final class CompositionSizeFloor extends SettingControl {

    private String value = CurrentSettings.DEFAULT_COMPOSITION_SIZE_FLOOR;

    private static long bytes(String text) {
        try {
            return ThresholdSetting.Unit.BYTES.parse(text);
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String combine(Set<String> values) {
        String best = null;
        for (String candidate : values) {
            if (best == null || bytes(candidate) < bytes(best)) {
                best = candidate;
            }
        }
        return best == null ? value : best;
    }

    @Override
    public void setValue(String newValue) {
        value = newValue;
        CurrentSettings.compositionMinBytes = bytes(newValue);
        CurrentSettings.changed();
    }

    @Override
    public String getValue() {
        return value;
    }
}
