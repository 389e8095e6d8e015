package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.events.SerializationEvent;
import dev.serialscope.rules.Recordings;
import jdk.jfr.Recording;

import dev.serialscope.rules.recording.SerialScopeEvents;

/** analyze and diff load only SerialScope events, and the recording keeps its time span. */
class SerialScopeTypesOnlyTest {

    @Test
    void keepsSerialScopeEventsAndTheTimeSpanOfAllEvents() throws Exception {
        Path file = Recordings.directory().resolve("types-only.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JVMInformation");
            recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(20));
            recording.enable("jdk.ThreadSleep").withoutThreshold();
            recording.enable(SerializationEvent.class).withoutThreshold();
            recording.start();
            Thread.sleep(200);
            for (int i = 0; i < 5; i++) {
                SerializationEvent event = new SerializationEvent();
                event.rootClass = String.class;
                event.bytes = 100;
                event.channel = "memory";
                event.commit();
            }
            Thread.sleep(200);
            recording.stop();
            recording.dump(file);
        }
        IItemCollection all = RecordingInput.load(file, false);
        IItemCollection ours = RecordingInput.load(file, true);

        assertEquals(5, ours.apply(ItemFilters.type(SerialScopeEvents.SERIALIZATION)).getAggregate(
                org.openjdk.jmc.common.item.Aggregators.count()).longValue());
        assertTrue(all.apply(ItemFilters.type("jdk.CPULoad")).getAggregate(
                org.openjdk.jmc.common.item.Aggregators.count()).longValue() > 2);
        // Of the other types at most the first and the last event are left.
        assertTrue(ours.apply(ItemFilters.type("jdk.CPULoad")).getAggregate(
                org.openjdk.jmc.common.item.Aggregators.count()).longValue() <= 2);
        assertEquals(RulesToolkit.getEarliestStartTime(all), RulesToolkit.getEarliestStartTime(ours));
        assertEquals(RulesToolkit.getLatestEndTime(all), RulesToolkit.getLatestEndTime(ours));
    }
}
