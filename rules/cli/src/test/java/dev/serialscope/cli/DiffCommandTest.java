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

import dev.serialscope.rules.AgentRecordings;
import dev.serialscope.rules.Recordings;
import dev.serialscope.rules.Recordings.Scenario;

class DiffCommandTest {

    private static String base() {
        return AgentRecordings.of("GrowingPayload", "diagnose").toString();
    }

    /** The planted regression: the same program serving twice as many requests. */
    private static String grown() {
        return AgentRecordings.of("GrowingPayload", "diagnose", "400").toString();
    }

    @Test
    void aRecordingAgainstItselfHasNoChange() {
        Cli cli = Cli.run("diff", base(), base(), "--fail-on-increase", "0%");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("No change in calls or bytes."), cli.out());
        assertTrue(cli.out().contains("write all writes") && cli.out().contains("(+0.0 %)"), cli.out());
    }

    @Test
    void aPlantedRegressionFailsTheBuild() {
        Cli cli = Cli.run("diff", base(), grown(), "--fail-on-increase", "10%");
        assertEquals(1, cli.exitCode(), cli.out() + cli.err());
        assertTrue(cli.out().contains("write dev.serialscope.samples.GrowingPayload$Session !"), cli.out());
        assertTrue(cli.out().contains("200 -> 400"), cli.out());
        assertTrue(cli.out().contains("write dev.serialscope.samples.GrowingPayload$Session.history !"), cli.out());
        assertTrue(cli.out().contains("regressions (!): bytes grew by more than 10 %."), cli.out());
        // The other way round, bytes went down: no regression.
        assertEquals(0, Cli.run("diff", grown(), base(), "--fail-on-increase", "10%").exitCode());
        // Without a limit, a change is reported but never fails.
        assertEquals(0, Cli.run("diff", base(), grown()).exitCode());
        // A generous limit lets it pass.
        assertEquals(0, Cli.run("diff", base(), grown(), "--fail-on-increase=1000 %").exitCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheDocumentedSchema() throws IOException {
        Path out = Recordings.directory().resolve("diff.json");
        Cli cli = Cli.run("diff", base(), grown(), "--format", "json", "--fail-on-increase", "10%", "-o",
                out.toString());
        assertEquals(1, cli.exitCode(), cli.err());
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(Set.of("base", "new", "version", "failOnIncrease", "regression", "changed", "rows"),
                report.keySet());
        assertEquals(10.0, report.get("failOnIncrease"));
        assertEquals(true, report.get("regression"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        for (Map<String, Object> row : rows) {
            assertEquals(Set.of("kind", "direction", "name", "base", "new", "bytesChange", "bytesChangePercent",
                    "regression"), row.keySet());
            assertTrue(Set.of("total", "class", "site", "field").contains(row.get("kind")), row.toString());
            assertEquals(Set.of("calls", "bytes", "nanos"), ((Map<String, Object>) row.get("base")).keySet());
        }
        Map<String, Object> session = rows.stream().filter(row -> row.get("kind").equals("class")
                && row.get("name").equals("dev.serialscope.samples.GrowingPayload$Session")).findFirst().orElseThrow();
        assertEquals(200.0, ((Map<String, Object>) session.get("base")).get("calls"));
        assertEquals(400.0, ((Map<String, Object>) session.get("new")).get("calls"));
        assertEquals(true, session.get("regression"));
        assertTrue(rows.stream().anyMatch(row -> row.get("kind").equals("site")
                && row.get("name").equals("dev.serialscope.samples.GrowingPayload.replicate")), rows.toString());
    }

    @Test
    void syntheticRecordingsWithoutStatisticsAreComparedByPerCallEvents() {
        Cli cli = Cli.run("diff", Recordings.of(Scenario.REPEATED_FIELD).toString(),
                Recordings.of(Scenario.REPEATED_FIELD_SAMPLED).toString(), "--fail-on-increase", "5%");
        assertEquals(0, cli.exitCode(), cli.out() + cli.err());
        assertTrue(cli.out().contains("write com.example.shop.Order.catalog"), cli.out());
    }

    @Test
    void badUsageAndBadInput() {
        Cli one = Cli.run("diff", base());
        assertEquals(2, one.exitCode());
        AnalyzeCommandTest.assertOneLine(one.err(), "diff compares two recordings, got 1");
        Cli badPercent = Cli.run("diff", base(), base(), "--fail-on-increase", "10");
        assertEquals(2, badPercent.exitCode());
        AnalyzeCommandTest.assertOneLine(badPercent.err(), "--fail-on-increase 10: give a percentage of at least 0, "
                + "e.g. 10%");
        assertEquals(2, Cli.run("diff", base(), base(), "--format", "html").exitCode());
        assertEquals(2, Cli.run("diff", base(), base(), "--frobnicate").exitCode());
        Cli missing = Cli.run("diff", base(), "/nonexistent/new.jfr");
        assertEquals(3, missing.exitCode());
        AnalyzeCommandTest.assertOneLine(missing.err(), "/nonexistent/new.jfr: no such file");
        Cli noAgent = Cli.run("diff", Recordings.of(Scenario.NO_SERIALSCOPE).toString(), base());
        assertEquals(3, noAgent.exitCode());
        AnalyzeCommandTest.assertOneLine(noAgent.err(), "has no SerialScope events");
    }

    @Test
    void htmlHasIcicleGraphsByCallStackAndByFieldPath() throws IOException {
        Path html = Recordings.directory().resolve("pipe.html");
        Cli cli = Cli.run("analyze", AgentRecordings.of("PipeTaskShipping", "diagnose").toString(), "--format", "html",
                "-o", html.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertFalse(page.contains("http:") || page.contains("https:") || page.contains("<script"), "no network");
        assertTrue(page.contains("aria-label=\"bytes by call stack\""), "stack graph");
        assertTrue(page.contains("aria-label=\"bytes by field path\""), "field graph");
        String stacks = page.substring(page.indexOf("aria-label=\"bytes by call stack\""),
                page.indexOf("aria-label=\"bytes by field path\""));
        assertTrue(stacks.contains(">PipeTaskShipping.runDriver"), "the application's frames");
        assertFalse(stacks.contains("ObjectOutputStream") || stacks.contains("dev.serialscope.probe")
                || stacks.contains("Bridge"), "the agent and the JDK's serialization code are folded away");
        assertTrue(page.contains(">config: PipeTaskShipping$Config"), "field paths");
        assertTrue(page.contains("settings: HashMap"), "field paths, level 2");
    }

    @Test
    void htmlWithoutCompositionEventsSaysHowToGetThem() throws IOException {
        Path html = Recordings.directory().resolve("large.html");
        Cli cli = Cli.run("analyze", Recordings.of(Scenario.LARGE_PAYLOAD).toString(), "--format", "html", "-o",
                html.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("aria-label=\"bytes by call stack\""));
        assertTrue(page.contains("No Serialization Composition events: record with the diagnose profile"));
    }
}
