package dev.serialscope.cli;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openjdk.jmc.common.IDisplayable;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.QuantityConversionException;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IRule;

import dev.serialscope.rules.result.Finding;

/** Rule thresholds from {@code --set ID=VALUE}, the defaults for everything else. */
final class PreferenceOverrides implements IPreferenceValueProvider {

    /** A value that is only a number: for a size, a time or a share that is almost always a mistake. */
    private static final Pattern BARE_NUMBER = Pattern.compile("\\s*[-+]?[0-9]+([.,][0-9]+)?\\s*");

    private final Map<String, Object> values = new HashMap<>();

    /** Every preference of these rules by id, in id order. */
    static Map<String, TypedPreference<?>> preferencesOf(Collection<IRule> rules) {
        Map<String, TypedPreference<?>> byId = new TreeMap<>();
        for (IRule rule : rules) {
            for (TypedPreference<?> preference : rule.getConfigurationAttributes()) {
                byId.put(preference.getIdentifier(), preference);
            }
        }
        return byId;
    }

    /** Parses {@code ID=VALUE} with the preference's own unit parser ("64 KiB", "20 ms", "5 %"). */
    void set(String assignment, Map<String, TypedPreference<?>> known) throws CliException {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw CliException.usage("--set needs ID=VALUE, e.g. --set serialscope.largePayload.infoSize=\"1 MiB\"");
        }
        String id = assignment.substring(0, equals).trim();
        String text = assignment.substring(equals + 1).trim();
        TypedPreference<?> preference = known.get(id);
        if (preference == null) {
            throw CliException.usage("--set " + id + ": no rule has this setting; list them with "
                    + "serialscope analyze --list-settings");
        }
        Object defaultValue = preference.getDefaultValue();
        if (defaultValue instanceof IQuantity quantity && quantity.getUnit().getContentType() != UnitLookup.NUMBER
                && BARE_NUMBER.matcher(text).matches()) {
            throw CliException.usage("--set " + id + "=" + text + ": the value needs a unit, e.g. \""
                    + display(quantity) + "\"");
        }
        try {
            values.put(id, preference.getPersister().parseInteractive(text));
        } catch (QuantityConversionException | RuntimeException e) {
            throw CliException.usage("--set " + id + "=" + text + ": not a valid value (" + e.getMessage()
                    + "); the default is " + display(defaultValue));
        }
    }

    static String display(Object value) {
        return Finding.plain(value instanceof IDisplayable displayable ? displayable.displayUsing(IDisplayable.AUTO)
                : String.valueOf(value));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getPreferenceValue(TypedPreference<T> preference) {
        Object value = values.get(preference.getIdentifier());
        return value != null ? (T) value : preference.getDefaultValue();
    }
}
