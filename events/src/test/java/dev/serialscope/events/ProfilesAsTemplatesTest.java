package dev.serialscope.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmc.flightrecorder.configuration.ConfigurationToolkit;
import org.openjdk.jmc.flightrecorder.configuration.events.EventConfiguration;
import org.openjdk.jmc.flightrecorder.configuration.events.EventOptionID;
import org.openjdk.jmc.flightrecorder.configuration.events.IEventTypeID;
import org.openjdk.jmc.flightrecorder.configuration.events.SchemaVersion;
import org.openjdk.jmc.flightrecorder.configuration.model.xml.XMLModel;

/**
 * The profiles are event templates that JMC's configuration model reads without a validation error, as
 * JMC's template manager and Cryostat (which uses the same model) do when a user uploads them, and that
 * the JDK parses as a configuration; every SerialScope event type is in each of them.
 */
class ProfilesAsTemplatesTest {

    private static final List<String> EVENT_TYPES = List.of(SerializationEvent.NAME, DeserializationEvent.NAME,
            SerializationStatisticsEvent.NAME, SerializationSizesEvent.NAME, StatisticsFlushEvent.NAME,
            SerializationCompositionEvent.NAME,
            ChannelStatisticsEvent.NAME, ChannelStatisticsFlushEvent.NAME, ChannelIoEvent.NAME, RmiCallEvent.NAME,
            ProbeErrorEvent.NAME, DeserializedClassEvent.NAME, DeserializationLimitsEvent.NAME);

    @ParameterizedTest
    @ValueSource(strings = {"production.jfc", "diagnose.jfc"})
    void jmcReadsTheProfileAsAValidTemplateWithEverySerialScopeEvent(String profile) throws Exception {
        try (InputStream xml = profile(profile)) {
            EventConfiguration.validate(xml, profile, SchemaVersion.V2);
        }
        XMLModel model;
        try (InputStream xml = profile(profile)) {
            model = EventConfiguration.createModel(xml);
        }
        assertFalse(model.hasErrors(), profile + ": " + model.getResults().stream()
                .filter(result -> result.isError()).map(result -> result.getText()).collect(Collectors.joining("; ")));
        EventConfiguration template = new EventConfiguration(model);
        assertEquals(SchemaVersion.V2, template.getVersion());
        assertTrue(template.getName().startsWith("SerialScope"), template.getName());
        for (String type : EVENT_TYPES) {
            IEventTypeID id = ConfigurationToolkit.createEventTypeID(type);
            assertTrue(template.hasEvent(id), profile + " has no " + type);
            assertEquals("true", template.getPersistableString(new EventOptionID(id, "enabled")), profile + ": " + type);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production.jfc", "diagnose.jfc"})
    void theJdkReadsTheProfileAsAConfiguration(String profile) throws Exception {
        Configuration configuration;
        try (InputStream xml = profile(profile)) {
            configuration = Configuration.create(new InputStreamReader(xml, StandardCharsets.UTF_8));
        }
        assertEquals("SerialScope", configuration.getProvider());
        for (String type : EVENT_TYPES) {
            assertEquals("true", configuration.getSettings().get(type + "#enabled"), profile + ": " + type);
        }
    }

    private static InputStream profile(String name) {
        InputStream xml = ProfilesAsTemplatesTest.class.getResourceAsStream("/dev/serialscope/events/" + name);
        assertNotNull(xml, name);
        return xml;
    }
}
