package dev.serialscope.events;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;

/** Carries the {@code sizeFloor} setting of {@link SerializationCompositionEvent} (one setting per class, see {@link CompositionEvent}). */
public abstract class SizeFlooredCompositionEvent extends CompositionEvent {

    @Label("Size Floor")
    @Description("A traced call that wrote less than this writes no composition")
    @Name("sizeFloor")
    @SettingDefinition
    protected boolean sizeFloor(CompositionSizeFloor setting) {
        return true;
    }
}
