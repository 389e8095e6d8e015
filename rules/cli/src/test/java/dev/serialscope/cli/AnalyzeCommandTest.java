package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.serialscope.rules.Recordings;
import dev.serialscope.rules.Recordings.Scenario;

class AnalyzeCommandTest {

    private static String file(Scenario scenario) {
        return Recordings.of(scenario).toString();
    }

    @Test
    void textReportShowsFindingWithCulpritsAndOkLines() {
        Cli cli = Cli.run("analyze", file(Scenario.LARGE_PAYLOAD));
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("WARNING  Large Payloads"), cli.out());
        assertTrue(cli.out().contains("site com.example.shop.Shop.publishCatalog:"), cli.out());
        assertTrue(cli.out().contains("OK       Repeated Payloads"), cli.out());
        assertTrue(cli.out().contains("1 warning, 0 info"), cli.out());
    }

    @Test
    void libraryOptionPlacesCallsBelowTheLibrary() {
        // The events were written through com.example.shop.Shop, called by the recording's author.
        Cli cli = Cli.run("analyze", file(Scenario.LARGE_PAYLOAD), "--library", "com.example.shop.");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("site dev.serialscope.rules.Recordings.play:"), cli.out());
        assertTrue(cli.out().contains(" via Shop.publishCatalog"), cli.out());
        Cli summary = Cli.run("summary", file(Scenario.LARGE_PAYLOAD), "--by", "site", "--library=com.example.shop.");
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains(" via Shop.publishCatalog"), summary.out());
    }

    @Test
    void libraryPreferenceIsTheSameAsTheOption() {
        Cli cli = Cli.run("analyze", file(Scenario.LARGE_PAYLOAD), "--set",
                "serialscope.callSites.libraries=org.example.none., com.example.shop.");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("site dev.serialscope.rules.Recordings.play:"), cli.out());
        assertTrue(cli.out().contains(" via Shop.publishCatalog"), cli.out());
        Cli listed = Cli.run("analyze", "--list-settings");
        assertTrue(listed.out().contains("serialscope.callSites.libraries =   (Application libraries)"), listed.out());
    }

    @Test
    void minHidesLowerSeverities() {
        Cli cli = Cli.run("analyze", file(Scenario.LARGE_PAYLOAD), "--min", "warning");
        assertTrue(cli.out().contains("WARNING  Large Payloads"), cli.out());
        assertFalse(cli.out().contains("OK       "), cli.out());
    }

    @Test
    void failOnSetsTheExitCode() {
        assertEquals(1, Cli.run("analyze", file(Scenario.LARGE_PAYLOAD), "--fail-on", "warning").exitCode());
        assertEquals(1, Cli.run("analyze", file(Scenario.UNFILTERED), "--fail-on=info").exitCode());
        assertEquals(0, Cli.run("analyze", file(Scenario.UNFILTERED), "--fail-on", "warning").exitCode());
        assertEquals(0, Cli.run("analyze", file(Scenario.CLEAN), "--fail-on", "info").exitCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheDocumentedSchema() {
        Cli cli = Cli.run("analyze", file(Scenario.REPEATED_PAYLOAD), "--format", "json", "--min", "ok");
        assertEquals(0, cli.exitCode(), cli.err());
        Map<String, Object> report = (Map<String, Object>) Json.parse(cli.out());
        assertEquals(Set.of("file", "version", "results"), report.keySet());
        assertEquals(file(Scenario.REPEATED_PAYLOAD), report.get("file"));
        List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("results");
        for (Map<String, Object> result : results) {
            assertEquals(Set.of("id", "name", "severity", "score", "summary", "explanation", "solution", "culprits"),
                    result.keySet());
            assertTrue(Set.of("OK", "INFO", "WARNING").contains(result.get("severity")), result.toString());
        }
        Map<String, Object> first = results.get(0);
        assertEquals("serialscope.repeatedPayload", first.get("id"));
        assertEquals("WARNING", first.get("severity"));
        Map<String, Object> culprit = ((List<Map<String, Object>>) first.get("culprits")).get(0);
        assertEquals(Set.of("kind", "name", "bytes", "count"), culprit.keySet());
        assertEquals("class", culprit.get("kind"));
        assertEquals("com.example.shop.Catalog", culprit.get("name"));
        assertEquals(29.0 * 100 * 1024, culprit.get("bytes"));
        assertEquals(29.0, culprit.get("count"));
    }

    @Test
    void severalFilesGiveAnArray() {
        Cli cli = Cli.run("analyze", file(Scenario.CLEAN), file(Scenario.STREAM_SETUP), "--format", "json");
        assertEquals(2, ((List<?>) Json.parse(cli.out())).size());
    }

    @Test
    void htmlIsSelfContainedWithChartsAndTables() throws IOException {
        Path html = Recordings.directory().resolve("report.html");
        Cli cli = Cli.run("analyze", file(Scenario.HOT_SPOT), "--format", "html", "-o", html.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("", cli.out());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertFalse(page.contains("http:") || page.contains("https:") || page.contains("<script"), "no network");
        assertTrue(page.contains("class=\"finding WARNING\""), "findings by severity");
        assertTrue(page.contains("aria-label=\"bytes by root class\""), "bar chart");
        assertTrue(page.contains("aria-label=\"bytes per second\""), "timeline");
        assertTrue(page.contains("<h3>By call site</h3>") && page.contains("com.example.shop.Shop.publishCatalog:"));
        assertTrue(page.contains("<h3>By channel</h3>") && page.contains("socket 10.0.0.5:8080"));
    }

    /** Issue 16: no empty call-site or channel tables when no call has a per-call event. */
    @Test
    void htmlSaysWhatIsMissingInsteadOfEmptyTables() throws IOException {
        Path html = Recordings.directory().resolve("statistics-only.html");
        Cli cli = Cli.run("analyze", file(Scenario.STATISTICS_ONLY), "--format", "html", "-o", html.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("aria-label=\"bytes per second\""), "timeline from the statistics");
        assertTrue(page.contains(HtmlReport.escape(RecordingSummary.NO_PER_CALL_EVENTS)), page);
        assertFalse(page.contains("<h3>By call site</h3>") || page.contains("<h3>By channel</h3>"), page);
    }

    @Test
    void setChangesAThresholdWithItsUnit() {
        Cli cli = Cli.run("analyze", file(Scenario.LARGE_PAYLOAD), "--set",
                "serialscope.largePayload.warningSize=64 MiB");
        assertTrue(cli.out().contains("INFO     Large Payloads"), cli.out());
    }

    @Test
    void setRejectsUnknownIdsAndBareNumbers() {
        Cli unknown = Cli.run("analyze", file(Scenario.CLEAN), "--set", "serialscope.nothing=1 MiB");
        assertEquals(2, unknown.exitCode());
        assertOneLine(unknown.err(), "no rule has this setting; list them with serialscope analyze --list-settings");
        Cli bare = Cli.run("analyze", file(Scenario.CLEAN), "--set", "serialscope.largePayload.infoSize=512");
        assertEquals(2, bare.exitCode());
        assertOneLine(bare.err(), "the value needs a unit, e.g. \"128 KiB\"");
    }

    @Test
    void listSettingsShowsEveryIdWithItsDefault() {
        Cli cli = Cli.run("analyze", "--list-settings");
        assertEquals(0, cli.exitCode());
        assertTrue(cli.out().contains("serialscope.largePayload.infoSize = 128 KiB"), cli.out());
        assertTrue(cli.out().contains("serialscope.unfilteredDeserialization.gadgetClasses = "), cli.out());
    }

    @Test
    void jdkRulesAddJmcsOwnResults() {
        Cli cli = Cli.run("analyze", file(Scenario.LARGE_PAYLOAD), "--jdk-rules", "--format", "json", "--min", "ok");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("\"id\": \"serialscope.largePayload\""));
        // A JMC rule that applies to any recording.
        assertTrue(cli.out().contains("\"id\": \"BufferLost\""), cli.out());
    }

    @Test
    void recordingWithoutOurEventsSaysHowToRecord() {
        Cli cli = Cli.run("analyze", file(Scenario.NO_SERIALSCOPE));
        assertEquals(3, cli.exitCode());
        assertOneLine(cli.err(), "has no SerialScope events: record with the SerialScope agent, e.g. "
                + "./serialscope record -o app.jfr -- java -cp app.jar Main");
    }

    @Test
    void badUsageIsExitCodeTwo() {
        assertEquals(2, Cli.run().exitCode());
        assertEquals(2, Cli.run("analyze").exitCode());
        assertEquals(2, Cli.run("frobnicate").exitCode());
        Cli badFormat = Cli.run("analyze", file(Scenario.CLEAN), "--format", "xml");
        assertEquals(2, badFormat.exitCode());
        assertOneLine(badFormat.err(), "--format xml: choose one of text, json, html");
        Cli unknownOption = Cli.run("analyze", file(Scenario.CLEAN), "--verbose");
        assertEquals(2, unknownOption.exitCode());
        assertOneLine(unknownOption.err(), "unknown option --verbose");
    }

    /** One line, containing the text, and no stack trace. */
    static void assertOneLine(String err, String expected) {
        assertTrue(err.contains(expected), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception:") || err.contains("\tat "), err);
    }
}
