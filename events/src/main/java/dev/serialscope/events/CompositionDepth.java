package dev.serialscope.events;

import java.util.Set;
import jdk.jfr.SettingControl;

/**
 * {@code serialscope.SerializationComposition#maxDepth}: how many field levels below the root are
 * attributed (1 to {@value #MAX}). Recordings combine to the deepest.
 */
public final class CompositionDepth extends SettingControl {

    public static final int MAX = 8;

    private String value = CurrentSettings.DEFAULT_COMPOSITION_MAX_DEPTH;

    private static int depth(String text) {
        try {
            return Math.max(1, Math.min(MAX, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return Integer.parseInt(CurrentSettings.DEFAULT_COMPOSITION_MAX_DEPTH);
        }
    }

    @Override
    public String combine(Set<String> values) {
        String best = null;
        for (String candidate : values) {
            if (best == null || depth(candidate) > depth(best)) {
                best = candidate;
            }
        }
        return best == null ? value : best;
    }

    @Override
    public void setValue(String newValue) {
        value = newValue;
        CurrentSettings.compositionMaxDepth = depth(newValue);
        CurrentSettings.changed();
    }

    @Override
    public String getValue() {
        return value;
    }
}
