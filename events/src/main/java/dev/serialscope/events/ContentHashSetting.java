package dev.serialscope.events;

import java.util.Set;
import jdk.jfr.SettingControl;

/** {@code serialscope.Serialization#contentHash}: true when any recording asks for it. */
public final class ContentHashSetting extends SettingControl {

    private String value = "false";

    @Override
    public String combine(Set<String> values) {
        return String.valueOf(values.contains("true"));
    }

    @Override
    public void setValue(String newValue) {
        value = newValue;
        CurrentSettings.serializationContentHash = "true".equals(newValue);
        CurrentSettings.changed();
    }

    @Override
    public String getValue() {
        return value;
    }
}
