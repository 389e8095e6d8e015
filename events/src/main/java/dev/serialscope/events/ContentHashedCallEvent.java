package dev.serialscope.events;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;

/**
 * Carries the {@code contentHash} setting of {@link SerializationEvent}, which also fingerprints the reads of
 * {@link DeserializationEvent} from byte arrays (one setting for the bytes of both directions). It sits in a class of its
 * own because JDK 25 mismatches the setting methods of an event class that declares more than one;
 * one per class along the hierarchy is matched correctly on JDK 17 and 25.
 */
public abstract class ContentHashedCallEvent extends SerializationCallEvent {

    @Label("Content Hash")
    @Description("Fingerprint the bytes of each call written, and of each Deserialization event's call that read from a byte array (costs a pass over every byte)")
    @Name("contentHash")
    @SettingDefinition
    protected boolean contentHash(ContentHashSetting setting) {
        return true;
    }
}
