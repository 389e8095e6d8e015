package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;

/**
 * Why a serialization call is big: the bytes of one field path of a traced call. A traced call
 * writes one event per path, the heaviest {@value #MAX_PATHS} paths up to {@code maxDepth} levels,
 * and the heaviest path below them ({@code heavyPath}).
 */
@Name(SerializationCompositionEvent.NAME)
@Label("Serialization Composition")
@Category({"Java Application", "Serialization"})
@Description("The bytes of a traced serialization call, by field path from the root object: which field holds what, and how much of the payload it is")
public final class SerializationCompositionEvent extends SizeFlooredCompositionEvent {

    public static final String NAME = "serialscope.SerializationComposition";
    public static final int MAX_PATHS = 20;

    @Label("Sampling")
    @Description("How many calls are traced: a rate like 1/s or 10/min, all, or off")
    @Name("sampling")
    @SettingDefinition
    protected boolean sampling(CompositionSampling setting) {
        return true;
    }
}
