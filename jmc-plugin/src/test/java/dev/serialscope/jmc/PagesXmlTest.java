package dev.serialscope.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.IState;
import org.openjdk.jmc.common.item.Aggregators;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemFilter;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.PersistableItemFilter;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.KindOfQuantity;
import org.openjdk.jmc.common.unit.LinearKindOfQuantity;
import org.openjdk.jmc.common.util.StateToolkit;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IRule;

import dev.serialscope.jmc.testing.SampleRecording;

import dev.serialscope.rules.result.RuleRunner;

/**
 * Reads pages.xml with JMC core's own state and filter classes and checks it against real recordings of two
 * samples, made with the real agent and the diagnose profile, the way JMC's itemhandler page resolves it: each
 * page filter selects its SerialScope event type, ids name "attribute:contentType" of the filtered event types,
 * aggregates need quantities, chart aggregators must exist under their English names, and topics are our
 * rules' topics. Both samples write and read in one JVM, so every page has events: RepeatedObject deep-copies
 * through memory on one thread, FreshStreamPerMessage sends over a loopback socket to a receiver thread.
 */
class PagesXmlTest {

    private static final String ITEMHANDLER = "org.openjdk.jmc.flightrecorder.ui.itemhandler";
    private static final String JAVA_APPLICATION = "org.openjdk.jmc.flightrecorder.ui.javaapplication";
    private static final Set<String> FIXED_HISTOGRAM_COLUMNS = Set.of("itemhistogram.key", "itemhistogram.count");
    private static final List<String> AGGREGATE_PREFIXES = List.of("SUM", "AVG", "MIN", "MAX", "STDDEVP");
    private static final Set<String> LINEAR_ONLY_PREFIXES = Set.of("SUM", "STDDEVP");

    /** About what fits on one line of an editor 1,000 pixels wide. */
    private static final int MAX_DESCRIPTION = 110;

    private static final List<String> SAMPLES = List.of("RepeatedObject", "FreshStreamPerMessage", "RmiRepeatedArgument");

    /** The parsed recordings by sample name, in the order of {@link #SAMPLES}. */
    private static final Map<String, IItemCollection> RECORDINGS = new LinkedHashMap<>();
    private static List<IState> pages;

    @BeforeAll
    static void readPagesAndRecordings() throws Exception {
        for (String sample : SAMPLES) {
            RECORDINGS.put(sample, JfrLoaderToolkit.loadEvents(SampleRecording.of(sample).toFile()));
        }
        try (InputStream xml = PagesXmlTest.class.getResourceAsStream("/pages.xml")) {
            pages = List.of(StateToolkit.fromXMLString(new String(xml.readAllBytes(), StandardCharsets.UTF_8))
                    .getChildren());
        }
    }

    @Test
    void everyElementIsAnItemhandlerPageWithItsOwnId() {
        assertEquals(6, pages.size());
        Set<String> ids = new HashSet<>();
        for (IState page : pages) {
            assertEquals("page", page.getType());
            assertEquals(ITEMHANDLER, page.getAttribute("factory"));
            assertTrue(ids.add(page.getAttribute("id")), "duplicate id " + page.getAttribute("id"));
            assertNotNull(state(page).getAttribute("name"), page.getAttribute("id"));
        }
    }

    @Test
    void theSerializationPageIsUnderJavaApplicationAndHoldsTheOthers() {
        IState top = pages.get(0);
        assertEquals("Serialization", state(top).getAttribute("name"));
        assertEquals(JAVA_APPLICATION, top.getAttribute("parent"));
        for (IState child : pages.subList(1, pages.size())) {
            assertEquals(top.getAttribute("id"), child.getAttribute("parent"));
        }
    }

    @Test
    void eachPageFilterSelectsItsSerialScopeEventsOfTheRecordings() {
        Map<String, String> typeByPage = Map.of(
                "Serialization", "serialscope.SerializationStatistics",
                "Serialization Calls", "serialscope.Serialization",
                "Deserialization Calls", "serialscope.Deserialization",
                "Serialization Composition", "serialscope.SerializationComposition",
                "Channels", "serialscope.ChannelStatistics",
                "RMI Calls", "serialscope.RmiCall");
        Map<String, Set<String>> samplesByPage = new HashMap<>();
        RECORDINGS.forEach((sample, recording) -> {
            for (IState page : pages) {
                String name = state(page).getAttribute("name");
                IItemCollection matched = recording.apply(filterOf(page));
                Set<String> types = matched.stream().filter(batch -> batch.getItemCount() > 0)
                        .map(batch -> batch.getType().getIdentifier()).collect(Collectors.toSet());
                if (!types.isEmpty()) {
                    assertEquals(Set.of(typeByPage.get(name)), types, sample + ": page " + name);
                    samplesByPage.computeIfAbsent(name, k -> new HashSet<>()).add(sample);
                }
            }
        });
        // Every sample serializes, reads back and prints its summary line (a channel: stdout); one uses RMI.
        Set<String> all = Set.copyOf(SAMPLES);
        assertEquals(Map.of("Serialization", all, "Serialization Calls", all, "Deserialization Calls", all,
                "Serialization Composition", all, "Channels", all, "RMI Calls", Set.of("RmiRepeatedArgument")),
                samplesByPage);
    }

    @Test
    void thePagesCountEveryCallOfTheSamples() {
        // RepeatedObject deep-copies 300 times, FreshStreamPerMessage sends 500 quotes, and both read back what they
        // wrote. With the diagnose profile every call has its per-call event, and the statistics count every call.
        Map<String, Long> calls = Map.of("RepeatedObject", 300L, "FreshStreamPerMessage", 500L);
        calls.forEach((sample, expected) -> {
            IItemCollection recording = RECORDINGS.get(sample);
            IItemCollection statistics = recording.apply(filterOf(pages.get(0)));
            @SuppressWarnings("unchecked")
            IAttribute<IQuantity> callsColumn = (IAttribute<IQuantity>) columnsOf(statistics).get("calls:number");
            assertNotNull(callsColumn, sample + ": no calls:number on the Serialization page");
            assertEquals(2 * expected, statistics.getAggregate(Aggregators.sum(callsColumn)).longValue(),
                    sample + ": calls counted by the statistics events");
            for (IState page : pages.subList(1, 3)) { // the per-call pages
                long count = recording.apply(filterOf(page)).getAggregate(Aggregators.count()).longValue();
                assertEquals(expected, count, sample + ": " + state(page).getAttribute("name"));
            }
        });
    }

    @Test
    void histogramsGroupByCommonAttributesAndAggregateQuantities() {
        forEachPageAndRecording((page, where, filtered) -> {
            Map<String, IAttribute<?>> columns = columnsOf(filtered);
            Set<String> commonIds = commonAttributeIds(filtered);
            IState histogram = state(page).getChild("histogram");
            for (IState level = histogram; level != null; level = level.getChild("child")) {
                String groupedBy = where + " grouped by " + level.getAttribute("groupBy");
                assertTrue(commonIds.contains(level.getAttribute("groupBy")), groupedBy);
                IState table = level.getChild("table");
                List<String> ids = columnIds(table);
                assertTrue(ids.contains(table.getAttribute("sortColumn")), groupedBy);
                ids.stream().filter(id -> !FIXED_HISTOGRAM_COLUMNS.contains(id))
                        .forEach(id -> assertAggregateOfQuantity(id, columns, groupedBy));
            }
        });
    }

    /** JMC names a SUM column by prefixing the attribute's label with "Total": a label "Total ..." would read twice. */
    @Test
    void summedColumnsDoNotSayTotalTwice() {
        forEachPageAndRecording((page, where, filtered) -> {
            Map<String, IAttribute<?>> columns = columnsOf(filtered);
            for (IState level = state(page).getChild("histogram"); level != null; level = level.getChild("child")) {
                columnIds(level.getChild("table")).stream().filter(id -> id.startsWith("SUM"))
                        .map(id -> columns.get(id.substring("SUM".length())))
                        .forEach(attribute -> assertFalse(attribute.getName().startsWith("Total"),
                                where + ": Total " + attribute.getName()));
            }
        });
    }

    /**
     * JMC titles an aggregate column with its aggregator's name ("Total Call Time", "Maximum Bytes") and cuts a
     * title wider than the column, sort arrow included (issue 16: "Total Call Tim"). About 7 px per character of
     * JMC's default font, plus the arrow and the cell's margins.
     */
    @Test
    void everyHistogramColumnIsWideEnoughForItsTitle() {
        Set<String> tooNarrow = new java.util.TreeSet<>();
        forEachPageAndRecording((page, where, filtered) -> {
            Map<String, IAttribute<?>> columns = columnsOf(filtered);
            for (IState level = state(page).getChild("histogram"); level != null; level = level.getChild("child")) {
                for (IState column : level.getChild("table").getChildren("column")) {
                    String title = aggregateTitle(column.getAttribute("id"), columns);
                    int width = Integer.parseInt(column.getAttribute("width"));
                    if (width < 7 * title.length() + 30) {
                        tooNarrow.add(page.getAttribute("id") + ": \"" + title + "\" in " + width + " px");
                    }
                }
            }
        });
        assertEquals(Set.of(), tooNarrow);
    }

    /** The column title JMC gives an aggregate column id: its aggregator's name. */
    @SuppressWarnings("unchecked")
    private static String aggregateTitle(String id, Map<String, IAttribute<?>> columns) {
        if (FIXED_HISTOGRAM_COLUMNS.contains(id)) {
            return id.endsWith("count") ? "Count" : "Key";
        }
        String prefix = AGGREGATE_PREFIXES.stream().filter(id::startsWith).findFirst().orElseThrow();
        IAttribute<IQuantity> attribute = (IAttribute<IQuantity>) columns.get(id.substring(prefix.length()));
        return switch (prefix) {
        case "SUM" -> Aggregators.sum(attribute).getName();
        case "MAX" -> Aggregators.max(attribute).getName();
        case "MIN" -> Aggregators.min(attribute).getName();
        case "AVG" -> Aggregators.avg(attribute).getName();
        default -> Aggregators.stddevp(attribute).getName();
        };
    }

    /**
     * JMC draws the description as one unwrapped line and shows the filter editor unless the state says
     * showFilter="false"; its own pages (Socket I/O) show neither a long line nor the editor.
     */
    @Test
    void pagesShowAShortDescriptionAndNoFilterEditor() {
        for (IState page : pages) {
            String description = state(page).getAttribute("description");
            assertTrue(description.length() <= MAX_DESCRIPTION, page.getAttribute("id") + ": " + description.length()
                    + " characters: " + description);
            assertEquals("false", state(page).getAttribute("showFilter"), page.getAttribute("id"));
        }
    }

    @Test
    void eachPageHasAnIconOfItsOwn() {
        Set<String> icons = new HashSet<>();
        for (IState page : pages) {
            assertTrue(icons.add(state(page).getAttribute("icon")), page.getAttribute("id") + " repeats an icon");
        }
    }

    @Test
    void histogramSashHasOneWeightPerHistogramPlusTheList() {
        for (IState page : pages) {
            int histograms = 0;
            for (IState level = state(page).getChild("histogram"); level != null; level = level.getChild("child")) {
                histograms++;
            }
            String weights = state(page).getChild("histogramSash").getAttribute("weights");
            assertEquals(histograms + 1, weights.split(",").length, page.getAttribute("id"));
        }
    }

    @Test
    void listColumnsNameAttributesOfTheEvents() {
        forEachPageAndRecording((page, where, filtered) -> {
            Map<String, IAttribute<?>> columns = columnsOf(filtered);
            IState list = state(page).getChild("listAndChart").getChild("listSettings");
            List<String> ids = columnIds(list);
            assertTrue(ids.contains(list.getAttribute("sortColumn")), where);
            for (String id : ids) {
                assertTrue(columns.containsKey(id), where + ": no attribute " + id + " among " + columns.keySet());
            }
        });
    }

    @Test
    void chartBarsAreQuantitiesWithAnAggregatorOfThatName() {
        forEachPageAndRecording((page, where, filtered) -> {
            Map<String, IAttribute<?>> columns = columnsOf(filtered);
            String bars = state(page).getChild("listAndChart").getChild("chartSettings")
                    .getAttribute("barChartAttributes");
            for (String bar : bars.split(",")) {
                String[] attributeAndAggregator = bar.split(";");
                IAttribute<?> attribute = columns.get(attributeAndAggregator[0]);
                assertNotNull(attribute, where + ": " + bar);
                assertTrue(attribute.getContentType() instanceof LinearKindOfQuantity, where + ": " + bar);
                @SuppressWarnings("unchecked")
                IAttribute<IQuantity> quantity = (IAttribute<IQuantity>) attribute;
                assertNotNull(Aggregators.getQuantityAggregator(attributeAndAggregator[1], quantity),
                        where + ": " + bar);
            }
        });
    }

    @Test
    void eachRuleTopicIsClaimedByExactlyOnePage() {
        List<IRule> rules = RuleRunner.serialScopeRules(getClass().getClassLoader()).rules();
        assertFalse(rules.isEmpty(), "no SerialScope rules on the class path");
        Set<String> ruleTopics = rules.stream().map(IRule::getTopic).collect(Collectors.toSet());
        List<String> pageTopics = pages.stream().flatMap(page -> Stream.of(state(page).getChildren("topic")))
                .map(topic -> topic.getAttribute("value")).toList();
        assertEquals(Set.of("serialscope.serialization", "serialscope.deserialization"), ruleTopics);
        assertEquals(List.of("serialscope.serialization", "serialscope.deserialization"), pageTopics);
    }

    @Test
    void everyPageHasASixteenPixelPngIcon() throws IOException {
        for (IState page : pages) {
            byte[] png = Base64.getDecoder().decode(state(page).getAttribute("icon"));
            BufferedImage icon = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(icon, page.getAttribute("id"));
            assertEquals(16, icon.getWidth());
            assertEquals(16, icon.getHeight());
        }
    }

    private static void assertAggregateOfQuantity(String columnId, Map<String, IAttribute<?>> columns, String where) {
        String prefix = AGGREGATE_PREFIXES.stream().filter(columnId::startsWith).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": not an aggregate column: " + columnId));
        IAttribute<?> attribute = columns.get(columnId.substring(prefix.length()));
        assertNotNull(attribute, where + ": no attribute for " + columnId);
        assertTrue(attribute.getContentType() instanceof KindOfQuantity, where + ": " + columnId);
        if (LINEAR_ONLY_PREFIXES.contains(prefix)) {
            assertTrue(attribute.getContentType() instanceof LinearKindOfQuantity, where + ": " + columnId);
        }
    }

    private static IState state(IState page) {
        return page.getChild("state");
    }

    private static IItemFilter filterOf(IState page) {
        return PersistableItemFilter.readFrom(state(page).getChild("pageFilter"));
    }

    /** A check of one page against the events its filter selects in one recording. */
    @FunctionalInterface
    private interface PageCheck {
        void check(IState page, String where, IItemCollection filtered);
    }

    /** Runs the check for every page on each sample's recording; {@code where} names both. */
    /** Each page on each recording that has its events (every page has them in some recording). */
    private static void forEachPageAndRecording(PageCheck check) {
        RECORDINGS.forEach((sample, recording) -> {
            for (IState page : pages) {
                IItemCollection shown = recording.apply(filterOf(page));
                if (shown.hasItems()) {
                    check.check(page, sample + ".jfr, page " + page.getAttribute("id"), shown);
                }
            }
        });
    }

    private static List<String> columnIds(IState table) {
        return Stream.of(table.getChildren("column")).map(column -> column.getAttribute("id")).toList();
    }

    /** What JMC's ItemList.getColumnId makes of each attribute, the stack trace excluded as JMC does. */
    @SuppressWarnings("deprecation")
    private static Map<String, IAttribute<?>> columnsOf(IItemCollection items) {
        Map<String, IAttribute<?>> columns = new HashMap<>();
        for (IItemIterable batch : items) {
            for (IAttribute<?> attribute : batch.getType().getAttributes()) {
                if (!attribute.equals(JfrAttributes.EVENT_STACKTRACE)) {
                    columns.put(attribute.getIdentifier() + ':' + attribute.getContentType().getIdentifier(),
                            attribute);
                }
            }
        }
        return columns;
    }

    @SuppressWarnings("deprecation")
    private static Set<String> commonAttributeIds(IItemCollection items) {
        List<IType<?>> types = new ArrayList<>();
        items.forEach(batch -> types.add(batch.getType()));
        assertFalse(types.isEmpty(), "the filter matches no events");
        Set<String> common = types.get(0).getAttributes().stream().map(IAttribute::getIdentifier)
                .collect(Collectors.toCollection(HashSet::new));
        types.forEach(type -> common.retainAll(
                type.getAttributes().stream().map(IAttribute::getIdentifier).collect(Collectors.toSet())));
        return common;
    }
}
