package dev.serialscope.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

class GadgetClassesTest {

    @Test
    void classesMatchByNameAndPackagesByPrefix() {
        GadgetClasses gadgets = GadgetClasses.parse(" java.util.PriorityQueue ,, org.apache.commons.collections.functors.* ");
        assertTrue(gadgets.contains("java.util.PriorityQueue"));
        assertTrue(gadgets.contains("org.apache.commons.collections.functors.InvokerTransformer"));
        assertFalse(gadgets.contains("java.util.PriorityQueueX"));
        assertFalse(gadgets.contains("org.apache.commons.collections.FastHashMap"));
        assertEquals("java.util.PriorityQueue, org.apache.commons.collections.functors.*", gadgets.toString());
    }

    @Test
    void severalRecordingsWatchTheClassesOfAll() {
        GadgetClassesSetting setting = new GadgetClassesSetting();
        String combined = setting.combine(java.util.Set.of("a.B", "c.D, a.B"));
        GadgetClasses all = GadgetClasses.parse(combined);
        assertTrue(all.contains("a.B") && all.contains("c.D"), combined);
    }

    @Test
    void bothProfilesWatchTheDefaultList() throws IOException {
        for (String profile : new String[] {"production.jfc", "diagnose.jfc"}) {
            try (InputStream in = GadgetClassesTest.class.getResourceAsStream(profile)) {
                String jfc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(jfc.contains("<setting name=\"gadgetClasses\">" + GadgetClasses.DEFAULT + "</setting>"), profile);
            }
        }
    }

    /** Two setting methods in one event class make JFR pass one's control to the other (a ClassCastException). */
    @Test
    void perCallEventsWithTheirSettingsCommitUnderBothProfiles() throws Exception {
        for (String profile : new String[] {"production", "diagnose"}) {
            try (InputStream in = GadgetClassesTest.class.getResourceAsStream(profile + ".jfc");
                    Recording recording = new Recording(Configuration.create(new java.io.InputStreamReader(in,
                            StandardCharsets.UTF_8)))) {
                recording.start();
                for (SerializationCallEvent event : new SerializationCallEvent[] {new DeserializationEvent(), new SerializationEvent()}) {
                    event.begin();
                    event.end();
                    assertTrue(event.shouldCommit(), profile + " " + event.getClass().getSimpleName());
                }
            }
        }
    }
}
