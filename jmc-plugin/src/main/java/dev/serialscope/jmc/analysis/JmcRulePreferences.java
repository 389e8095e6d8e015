package dev.serialscope.jmc.analysis;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.openjdk.jmc.common.IState;
import org.openjdk.jmc.common.unit.QuantityConversionException;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.StateToolkit;
import org.openjdk.jmc.common.util.TypedPreference;
import org.xml.sax.SAXException;

/**
 * The rule preferences set in JMC (Preferences > Flight Recorder > Rules), read the way Automated Analysis reads
 * them: JMC's Flight Recorder UI keeps them in its preference store as one XML state, "ruleConfiguration", with an
 * entry per preference id and its persisted value. So the view uses the same thresholds and application libraries as
 * Automated Analysis. A value missing or unreadable gives the preference's default.
 */
public final class JmcRulePreferences implements IPreferenceValueProvider {

    static final String NODE = "org.openjdk.jmc.flightrecorder.ui";
    static final String KEY = "ruleConfiguration";
    static final String ENTRY = "config-attribute";

    private final Map<String, String> persisted = new HashMap<>();

    private JmcRulePreferences() {
    }

    /** The preferences JMC has stored; the defaults outside JMC or when it stored none. */
    public static IPreferenceValueProvider stored() {
        try {
            return parse(InstanceScope.INSTANCE.getNode(NODE).get(KEY, ""));
        } catch (RuntimeException | LinkageError e) {
            return DEFAULT_VALUES;
        }
    }

    /** The preferences of JMC's stored XML state; the defaults for an empty or malformed one. */
    static IPreferenceValueProvider parse(String xml) {
        if (xml.isEmpty()) {
            return DEFAULT_VALUES;
        }
        JmcRulePreferences preferences = new JmcRulePreferences();
        try {
            for (IState entry : StateToolkit.fromXMLString(xml).getChildren(ENTRY)) {
                String key = entry.getAttribute("key");
                String value = entry.getAttribute("value");
                if (key != null && value != null) {
                    preferences.persisted.put(key, value);
                }
            }
        } catch (SAXException e) {
            return DEFAULT_VALUES;
        }
        return preferences;
    }

    @Override
    public <T> T getPreferenceValue(TypedPreference<T> preference) {
        String value = persisted.get(preference.getIdentifier());
        if (value == null) {
            return preference.getDefaultValue();
        }
        try {
            return preference.getPersister().parsePersisted(value);
        } catch (QuantityConversionException | RuntimeException e) {
            return preference.getDefaultValue();
        }
    }
}
