package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.serialscope.rules.Recordings;
import dev.serialscope.rules.Recordings.Scenario;

class SummaryCommandTest {

    @Test
    void tablesByClassSiteChannelAndThreadWithTotalsFromStatistics() {
        Cli cli = Cli.run("summary", Recordings.of(Scenario.HOT_SPOT).toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String out = cli.out();
        // The statistics count 520 writes; only 25 have per-call events.
        assertTrue(out.contains("Serialization: 520 calls, 20.0 MiB, 2.50 s, 0 failures (statistics: every call)"), out);
        assertTrue(out.contains("per-call events: 25 calls"), out);
        assertTrue(out.contains("Root class (from statistics"), out);
        assertTrue(out.contains("Call site (from per-call events)"), out);
        assertTrue(out.contains("com.example.shop.Shop.publishCatalog:"), out);
        assertTrue(out.contains("socket 10.0.0.5:8080"), out);
        assertTrue(out.contains("Thread (from per-call events)"), out);
        assertTrue(out.contains("Deserialization: 3,000 calls"), out);
    }

    @Test
    void byTopAndDirectionNarrowTheOutput() {
        Cli cli = Cli.run("summary", Recordings.of(Scenario.LARGE_PAYLOAD).toString(), "--by", "site", "--top", "1",
                "--direction", "write");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("com.example.shop.Shop.publishCatalog:"), cli.out());
        assertFalse(cli.out().contains("com.example.shop.Shop.sendOrder:"), cli.out());
        assertTrue(cli.out().contains("... 1 more (--top 2 shows all)"), cli.out());
        assertFalse(cli.out().contains("Root class") || cli.out().contains("Deserialization"), cli.out());
    }

    /** Issue 16: a production recording whose calls all stayed below the thresholds printed empty tables. */
    @Test
    void withoutPerCallEventsItSaysSoInsteadOfPrintingEmptyTables() {
        Cli cli = Cli.run("summary", Recordings.of(Scenario.STATISTICS_ONLY).toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String out = cli.out();
        assertTrue(out.contains("Root class (from statistics"), out);
        assertTrue(out.contains(RecordingSummary.NO_PER_CALL_EVENTS), out);
        assertFalse(out.contains("Call site (") || out.contains("Channel (") || out.contains("Thread ("), out);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, Cli.run("summary").exitCode());
        assertEquals(2, Cli.run("summary", Recordings.of(Scenario.CLEAN).toString(), "--by", "colour").exitCode());
        assertEquals(2, Cli.run("summary", Recordings.of(Scenario.CLEAN).toString(), "--top", "0").exitCode());
    }
}
