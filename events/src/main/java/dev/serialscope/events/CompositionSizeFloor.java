package dev.serialscope.events;

import java.util.Comparator;
import java.util.Set;

/**
 * {@code serialscope.SerializationComposition#sizeFloor}: a traced call smaller than this writes no
 * composition. Recordings combine to the smallest.
 */
public final class CompositionSizeFloor extends CombinedSetting {

    public CompositionSizeFloor() {
        super(SerializationCompositionEvent.NAME, "sizeFloor", CurrentSettings.DEFAULT_COMPOSITION_SIZE_FLOOR);
    }

    private static long bytes(String text) {
        try {
            return ThresholdSetting.Unit.BYTES.parse(text);
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    String mostInclusive(Set<String> values) {
        return values.stream().min(Comparator.comparingLong(CompositionSizeFloor::bytes)).orElseThrow();
    }

    @Override
    void publish(String newValue) {
        CurrentSettings.compositionMinBytes = bytes(newValue);
    }
}
