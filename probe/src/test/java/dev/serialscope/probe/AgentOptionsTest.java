package dev.serialscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void noOptionsOnlyInstrument() {
        AgentOptions options = AgentOptions.parse(null);
        assertNull(options.record());
        assertNull(options.duration());
        assertNull(options.filename());
        assertFalse(options.metrics());
    }

    @Test
    void metricsTakeJmx() {
        assertTrue(AgentOptions.parse("metrics=jmx").metrics());
        assertTrue(AgentOptions.parse("record=production,metrics=jmx").metrics());
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("metrics=prometheus"));
    }

    @Test
    void readsRecordDurationAndFilename() {
        AgentOptions options = AgentOptions.parse("record=Diagnose,duration=90s,filename=/tmp/a.jfr");
        assertEquals("diagnose", options.record());
        assertEquals(Duration.ofSeconds(90), options.duration());
        assertEquals("/tmp/a.jfr", options.filename());
        assertEquals(Duration.ofMillis(1500), AgentOptions.parse("duration=1500ms").duration());
        assertEquals(Duration.ofHours(2), AgentOptions.parse("duration=2h").duration());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("record=verbose"));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("port=8080"));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("duration=soon"));
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("record"));
    }
}
