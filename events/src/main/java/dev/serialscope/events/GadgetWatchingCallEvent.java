package dev.serialscope.events;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;

/**
 * Carries the {@code gadgetClasses} setting of {@link DeserializationEvent}, in a class of its own for the reason
 * {@link ContentHashedCallEvent} gives: JDK 17 and 25 mismatch the setting methods of an event class that declares
 * more than one (a ClassCastException inside the event's shouldCommit).
 */
public abstract class GadgetWatchingCallEvent extends SerializationCallEvent {

    @Label("Gadget Classes")
    @Description("Root classes (or packages, as name.*) known to start deserialization gadget chains: each read of one without a serial filter is written, whatever the call threshold, up to 100 a second")
    @Name("gadgetClasses")
    @SettingDefinition
    protected boolean gadgetClasses(GadgetClassesSetting setting) {
        return true;
    }
}
