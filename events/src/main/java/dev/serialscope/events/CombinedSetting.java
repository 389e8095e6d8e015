package dev.serialscope.events;

import java.util.HashSet;
import java.util.Set;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.SettingControl;

/**
 * A custom setting whose value, combined over all running recordings, the agent reads from
 * {@link CurrentSettings}. JDK 17 drops what {@link #combine} returns for user-defined settings and
 * calls {@link #setValue} with null when two recordings disagree, so a null value is combined again
 * here from the running recordings' own settings.
 */
public abstract class CombinedSetting extends SettingControl {

    private final String key;
    private String value;

    CombinedSetting(String eventName, String settingName, String defaultValue) {
        this.key = eventName + "#" + settingName;
        this.value = defaultValue;
    }

    /** The one value that gives every recording at least what it asked for; {@code values} is not empty. */
    abstract String mostInclusive(Set<String> values);

    /** Makes {@code newValue} the one the agent uses. */
    abstract void publish(String newValue);

    @Override
    public final String combine(Set<String> values) {
        return values.isEmpty() ? value : mostInclusive(values);
    }

    @Override
    public final void setValue(String newValue) {
        value = newValue != null ? newValue : combineRunningRecordings();
        publish(value);
        CurrentSettings.changed();
    }

    @Override
    public final String getValue() {
        return value;
    }

    private String combineRunningRecordings() {
        Set<String> values = new HashSet<>();
        for (Recording recording : FlightRecorder.getFlightRecorder().getRecordings()) {
            String setting = recording.getState() == RecordingState.RUNNING ? recording.getSettings().get(key) : null;
            if (setting != null) {
                values.add(setting);
            }
        }
        return combine(values);
    }
}
