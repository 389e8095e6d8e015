package dev.serialscope.rules.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import dev.serialscope.rules.AgentRecordings;
import dev.serialscope.rules.Recordings;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.Tally;

/** The view's tables on a production recording count every call, not only those with a per-call event. */
class HotSpotsTest {

    private static final String PRICE_LIST = "dev.serialscope.samples.RepeatedObject$PriceList";

    @Test
    void productionRecordingsCountEveryCallByRootClass() {
        // RepeatedObject deep-copies a 4.8 KiB price list 300 times: 300 writes and 300 reads, all below 64 KiB.
        HotSpots hotSpots = HotSpots.of(RecordingModel.of(AgentRecordings.load("RepeatedObject", "production")), 10);
        Tally priceLists = hotSpots.rootClasses().get(0);
        assertEquals(PRICE_LIST, priceLists.key());
        assertEquals(600, priceLists.calls());
        assertTrue(hotSpots.calls() >= 600, "calls " + hotSpots.calls());
        assertTrue(hotSpots.sitesFromSomeCalls() && hotSpots.perCallEvents() < 600,
                "per-call events " + hotSpots.perCallEvents() + " of " + hotSpots.calls());
    }

    @Test
    void aByteArrayOfAnEarlierWritesOutputIsCountedOnce() throws Exception {
        for (Recordings.Scenario scenario : new Recordings.Scenario[] {Recordings.Scenario.SERIALIZED_OUTPUT,
                Recordings.Scenario.COUNTED_SERIALIZED_OUTPUT}) {
            HotSpots hotSpots = HotSpots.of(RecordingModel.of(
                    JfrLoaderToolkit.loadEvents(Recordings.of(scenario).toFile())), 10);
            assertEquals(1, hotSpots.rootClasses().size(), scenario + ": " + hotSpots.rootClasses());
            assertEquals("com.example.shop.Catalog", hotSpots.rootClasses().get(0).key());
            assertEquals(2L * 1024 * 1024, hotSpots.channels().stream().mapToLong(Tally::bytes).sum(),
                    scenario + ": " + hotSpots.channels());
        }
    }
}
