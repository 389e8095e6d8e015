package dev.serialscope.jmc.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.IStateful;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.StateToolkit;

import dev.serialscope.rules.LargePayloadRule;
import dev.serialscope.rules.recording.CallSites;

/** The view reads the rule preferences from the XML state that JMC's Flight Recorder UI stores them in. */
class JmcRulePreferencesTest {

    /** As JMC's BasicConfig saves its entries: one child per preference id, with its persisted value. */
    private static String stored(String... keysAndValues) {
        IStateful config = state -> {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                var entry = state.createChild(JmcRulePreferences.ENTRY);
                entry.putString("key", keysAndValues[i]);
                entry.putString("value", keysAndValues[i + 1]);
            }
        };
        return StateToolkit.toXMLString(config);
    }

    @Test
    void storedValuesReplaceTheDefaults() {
        IPreferenceValueProvider preferences = JmcRulePreferences.parse(stored(
                CallSites.LIBRARIES.getIdentifier(), "com.example.messaging.",
                LargePayloadRule.INFO_SIZE.getIdentifier(),
                LargePayloadRule.INFO_SIZE.getPersister().persistableString(UnitLookup.BYTE.quantity(4096))));
        assertEquals("com.example.messaging.", preferences.getPreferenceValue(CallSites.LIBRARIES));
        assertEquals(UnitLookup.BYTE.quantity(4096), preferences.getPreferenceValue(LargePayloadRule.INFO_SIZE));
        assertEquals(LargePayloadRule.WARNING_SIZE.getDefaultValue(),
                preferences.getPreferenceValue(LargePayloadRule.WARNING_SIZE));
    }

    @Test
    void unreadableValuesAndStatesGiveTheDefaults() {
        IPreferenceValueProvider preferences = JmcRulePreferences.parse(stored(
                LargePayloadRule.INFO_SIZE.getIdentifier(), "not a size"));
        assertEquals(LargePayloadRule.INFO_SIZE.getDefaultValue(),
                preferences.getPreferenceValue(LargePayloadRule.INFO_SIZE));
        assertSame(IPreferenceValueProvider.DEFAULT_VALUES, JmcRulePreferences.parse(""));
        assertSame(IPreferenceValueProvider.DEFAULT_VALUES, JmcRulePreferences.parse("<unclosed"));
    }
}
