package dev.serialscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.serialscope.rules.AgentRecordings;
import dev.serialscope.rules.Recordings;
import dev.serialscope.rules.Recordings.Scenario;

class FilterCommandTest {

    /** Orders, a price list and price updates on socket 10.0.0.9:4444 (and a gadget), a PriorityQueue in memory. */
    private static String shop() {
        return Recordings.of(Scenario.GADGET).toString();
    }

    private static String quoteFeed() {
        return AgentRecordings.of("QuoteFeed", "production").toString();
    }

    @Test
    void writesAPatternTheJdkAcceptsWithEveryClassOfTheTraffic() {
        Cli cli = Cli.run("filter", quoteFeed());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("", cli.err());
        String pattern = cli.out().strip();
        assertEquals(1, cli.out().lines().count(), cli.out());
        assertTrue(pattern.matches("maxdepth=\\d+;maxrefs=\\d+;maxarray=10;maxbytes=\\d+;"
                + "dev\\.serialscope\\.samples\\.Quote;dev\\.serialscope\\.samples\\.QuoteFeed\\$Batch;"
                + "dev\\.serialscope\\.samples\\.QuoteFeed\\$Venue;java\\.lang\\.Enum;java\\.lang\\.Object;"
                + "java\\.util\\.ArrayList;!\\*"), pattern);
        assertNotNull(ObjectInputFilter.Config.createFilter(pattern));
    }

    @Test
    void recordingsMergeAndChannelsNarrowThem() {
        String merged = Cli.run("filter", shop(), quoteFeed()).out();
        assertTrue(merged.contains(";com.example.shop.Order;") && merged.contains(";dev.serialscope.samples.Quote;")
                && merged.contains(";java.util.PriorityQueue;"), merged);
        Cli memory = Cli.run("filter", shop(), quoteFeed(), "--channel", "^memory$");
        assertEquals("maxdepth=4;maxrefs=22;maxarray=0;maxbytes=600;java.util.PriorityQueue;!*", memory.out().strip());
    }

    @Test
    void marginAndCollapse() {
        Cli cli = Cli.run("filter", shop(), "--channel", "socket", "--margin", "3x", "--collapse");
        assertEquals("maxdepth=21;maxrefs=2790;maxarray=120;maxbytes=95232;com.example.shop.*;java.lang.*;"
                + "javax.management.*;!*", cli.out().strip());
        assertEquals(cli.out(), Cli.run("filter", shop(), "--channel", "socket", "--margin=3", "--collapse").out());
    }

    @Test
    void warnsOfAGadgetClassInTheTraffic() {
        Cli cli = Cli.run("filter", shop(), "--channel", "socket");
        assertEquals(0, cli.exitCode());
        AnalyzeCommandTest.assertOneLine(cli.err(), "warning: the pattern allows javax.management."
                + "BadAttributeValueExpException, a known gadget-chain entry point");
    }

    @Test
    void javaFormatIsAnObjectInputFilterWithOnePartPerLine() {
        Cli cli = Cli.run("filter", shop(), "--channel", "memory", "--format", "java");
        assertEquals(String.join("\n",
                "// Allows what was deserialized on memory (serialscope filter).",
                "ObjectInputFilter filter = ObjectInputFilter.Config.createFilter(String.join(\";\",",
                "        \"maxdepth=4\",",
                "        \"maxrefs=22\",",
                "        \"maxarray=0\",",
                "        \"maxbytes=600\",",
                "        \"java.util.PriorityQueue\",",
                "        \"!*\"));",
                "objectInputStream.setObjectInputFilter(filter); // before the first readObject", ""),
                cli.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsTheClassesPerChannel() {
        Cli cli = Cli.run("filter", shop(), "--format", "json");
        assertEquals(0, cli.exitCode(), cli.err());
        Map<String, Object> document = (Map<String, Object>) Json.parse(cli.out().strip());
        assertEquals(List.of("version", "files", "margin", "collapse", "pattern", "channels"),
                List.copyOf(document.keySet()));
        List<Map<String, Object>> channels = (List<Map<String, Object>>) document.get("channels");
        assertEquals(List.of("memory", "socket 10.0.0.9:4444"), channels.stream().map(c -> c.get("channel")).toList());
        Map<String, Object> socket = channels.get(1);
        assertEquals(List.of("channel", "pattern", "maxDepth", "maxReferences", "maxArrayLength", "maxStreamBytes",
                "untrackedChecks", "classes"), List.copyOf(socket.keySet()));
        List<Map<String, Object>> classes = (List<Map<String, Object>>) socket.get("classes");
        assertEquals(Map.of("name", "com.example.shop.PriceUpdate[]", "chunks", 1.0),
                classes.stream().filter(c -> c.get("name").equals("com.example.shop.PriceUpdate[]")).findFirst().get());
        assertEquals(7, classes.size());
    }

    @Test
    void checkNamesWhatAPatternRejectsAndExitsOne() {
        Cli cli = Cli.run("filter", "--check", "maxrefs=100;com.example.shop.Order;javax.management.*;java.lang.*;!*",
                shop(), "--channel", "socket");
        assertEquals(1, cli.exitCode(), cli.err());
        assertEquals(String.join("\n", "socket 10.0.0.9:4444:",
                "  rejects class com.example.shop.PriceList",
                "  rejects class com.example.shop.PriceUpdate",
                "  rejects class com.example.shop.PriceUpdate[]",
                "  rejects at maxrefs=100: the traffic reached 930", ""),
                cli.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void checkPassesTheGeneratedPattern() {
        String pattern = Cli.run("filter", quoteFeed()).out().strip();
        Cli cli = Cli.run("filter", "--check", pattern, quoteFeed());
        assertEquals(0, cli.exitCode(), cli.out());
        assertEquals("The pattern allows all recorded traffic: 7 classes on 1 channel.", cli.out().strip());
    }

    @Test
    void badUsageIsOneLineWithExitTwo() {
        Cli malformed = Cli.run("filter", "--check", "!", shop());
        assertEquals(2, malformed.exitCode());
        AnalyzeCommandTest.assertOneLine(malformed.err(), "--check !: not a serial filter pattern");
        Cli margin = Cli.run("filter", shop(), "--margin", "0.5x");
        assertEquals(2, margin.exitCode());
        AnalyzeCommandTest.assertOneLine(margin.err(), "--margin 0.5x: give a factor of at least 1, e.g. 2x");
        Cli regex = Cli.run("filter", shop(), "--channel", "(");
        assertEquals(2, regex.exitCode());
        AnalyzeCommandTest.assertOneLine(regex.err(), "--channel (: not a regular expression");
        Cli format = Cli.run("filter", shop(), "--format", "yaml");
        assertEquals(2, format.exitCode());
        AnalyzeCommandTest.assertOneLine(format.err(), "--format yaml: choose one of pattern, json, java");
        Cli noFile = Cli.run("filter");
        assertEquals(2, noFile.exitCode());
        AnalyzeCommandTest.assertOneLine(noFile.err(), "give at least one recording; usage: serialscope filter FILE... "
                + "[--channel REGEX] [--margin 2x] [--collapse] [--format pattern|json|java] [-o OUT] [--debug] "
                + "serialscope filter --check PATTERN FILE... [--channel REGEX] [--debug]");
    }

    @Test
    void nothingToWriteFromIsExitThree() {
        Cli noChannel = Cli.run("filter", shop(), "--channel", "pipe");
        assertEquals(3, noChannel.exitCode());
        AnalyzeCommandTest.assertOneLine(noChannel.err(),
                "no channel matches --channel pipe; the recordings have memory, socket 10.0.0.9:4444");
        Cli noClassEvents = Cli.run("filter", Recordings.of(Scenario.UNFILTERED).toString());
        assertEquals(3, noClassEvents.exitCode());
        AnalyzeCommandTest.assertOneLine(noClassEvents.err(), "has no Deserialized Class events");
    }
}
