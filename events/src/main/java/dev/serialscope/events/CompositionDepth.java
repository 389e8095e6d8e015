package dev.serialscope.events;

import java.util.Comparator;
import java.util.Set;

/**
 * {@code serialscope.SerializationComposition#maxDepth}: how many field levels below the root are
 * attributed (1 to {@value #MAX}). Recordings combine to the deepest.
 */
public final class CompositionDepth extends CombinedSetting {

    public static final int MAX = 8;

    public CompositionDepth() {
        super(SerializationCompositionEvent.NAME, "maxDepth", CurrentSettings.DEFAULT_COMPOSITION_MAX_DEPTH);
    }

    private static int depth(String text) {
        try {
            return Math.max(1, Math.min(MAX, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return Integer.parseInt(CurrentSettings.DEFAULT_COMPOSITION_MAX_DEPTH);
        }
    }

    @Override
    String mostInclusive(Set<String> values) {
        return values.stream().max(Comparator.comparingInt(CompositionDepth::depth)).orElseThrow();
    }

    @Override
    void publish(String newValue) {
        CurrentSettings.compositionMaxDepth = depth(newValue);
    }
}
