package dev.serialscope.events;

import java.util.Set;

/** {@code serialscope.Serialization#contentHash}: true when any recording asks for it. */
public final class ContentHashSetting extends CombinedSetting {

    public ContentHashSetting() {
        super(SerializationEvent.NAME, "contentHash", "false");
    }

    @Override
    String mostInclusive(Set<String> values) {
        return String.valueOf(values.contains("true"));
    }

    @Override
    void publish(String newValue) {
        CurrentSettings.serializationContentHash = "true".equals(newValue);
    }
}
