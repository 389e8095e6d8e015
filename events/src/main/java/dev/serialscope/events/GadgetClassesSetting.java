package dev.serialscope.events;

import java.util.Set;

/** {@code serialscope.Deserialization#gadgetClasses}: with several recordings, the classes of all of them. */
public final class GadgetClassesSetting extends CombinedSetting {

    public GadgetClassesSetting() {
        super(DeserializationEvent.NAME, "gadgetClasses", GadgetClasses.DEFAULT);
    }

    @Override
    String mostInclusive(Set<String> values) {
        GadgetClasses all = GadgetClasses.parse("");
        for (String value : values) {
            all = all.union(GadgetClasses.parse(value));
        }
        return all.toString();
    }

    @Override
    void publish(String newValue) {
        CurrentSettings.gadgetClasses = GadgetClasses.parse(newValue);
    }
}
