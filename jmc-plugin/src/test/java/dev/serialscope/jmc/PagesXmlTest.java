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

import dev.serialscope.jmc.analysis.SerialScopeRules;
import dev.serialscope.jmc.testing.SampleRecording;

/**
 * Reads pages.xml with JMC core's own state and filter classes and checks it against a real recording the way
 * JMC's itemhandler page resolves it: ids name "attribute:contentType" of the filtered event types, aggregates
 * need quantities, chart aggregators must exist under their English names, and topics are our rules' topics.
 */
class PagesXmlTest {

    private static final String ITEMHANDLER = "org.openjdk.jmc.flightrecorder.ui.itemhandler";
    private static final String JAVA_APPLICATION = "org.openjdk.jmc.flightrecorder.ui.javaapplication";
    private static final Set<String> FIXED_HISTOGRAM_COLUMNS = Set.of("itemhistogram.key", "itemhistogram.count");
    private static final List<String> AGGREGATE_PREFIXES = List.of("SUM", "AVG", "MIN", "MAX", "STDDEVP");
    private static final Set<String> LINEAR_ONLY_PREFIXES = Set.of("SUM", "STDDEVP");

    private static IItemCollection recording;
    private static List<IState> pages;

    @BeforeAll
    static void readPagesAndRecording() throws Exception {
        recording = JfrLoaderToolkit.loadEvents(SampleRecording.get().toFile());
        try (InputStream xml = PagesXmlTest.class.getResourceAsStream("/pages.xml")) {
            pages = List.of(StateToolkit.fromXMLString(new String(xml.readAllBytes(), StandardCharsets.UTF_8))
                    .getChildren());
        }
    }

    @Test
    void everyElementIsAnItemhandlerPageWithItsOwnId() {
        assertEquals(3, pages.size());
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
    void eachPageFilterSelectsSerialScopeEventsOfTheRecording() {
        Map<String, Set<String>> typesByPage = new HashMap<>();
        for (IState page : pages) {
            Set<String> types = filtered(page).stream().map(batch -> batch.getType().getIdentifier())
                    .collect(Collectors.toSet());
            typesByPage.put(state(page).getAttribute("name"), types);
        }
        assertEquals(Map.of(
                "Serialization", Set.of("serialscope.SerializationStatistics"),
                "Serialization Calls", Set.of("serialscope.Serialization"),
                "Deserialization Calls", Set.of("serialscope.Deserialization")), typesByPage);
    }

    @Test
    void histogramsGroupByCommonAttributesAndAggregateQuantities() {
        for (IState page : pages) {
            Map<String, IAttribute<?>> columns = columnsOf(filtered(page));
            Set<String> commonIds = commonAttributeIds(filtered(page));
            IState histogram = state(page).getChild("histogram");
            for (IState level = histogram; level != null; level = level.getChild("child")) {
                String where = page.getAttribute("id") + " grouped by " + level.getAttribute("groupBy");
                assertTrue(commonIds.contains(level.getAttribute("groupBy")), where);
                IState table = level.getChild("table");
                List<String> ids = columnIds(table);
                assertTrue(ids.contains(table.getAttribute("sortColumn")), where);
                ids.stream().filter(id -> !FIXED_HISTOGRAM_COLUMNS.contains(id))
                        .forEach(id -> assertAggregateOfQuantity(id, columns, where));
            }
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
        for (IState page : pages) {
            Map<String, IAttribute<?>> columns = columnsOf(filtered(page));
            IState list = state(page).getChild("listAndChart").getChild("listSettings");
            List<String> ids = columnIds(list);
            assertTrue(ids.contains(list.getAttribute("sortColumn")), page.getAttribute("id"));
            for (String id : ids) {
                assertTrue(columns.containsKey(id), page.getAttribute("id") + ": no attribute " + id
                        + " among " + columns.keySet());
            }
        }
    }

    @Test
    void chartBarsAreQuantitiesWithAnAggregatorOfThatName() {
        for (IState page : pages) {
            Map<String, IAttribute<?>> columns = columnsOf(filtered(page));
            String bars = state(page).getChild("listAndChart").getChild("chartSettings")
                    .getAttribute("barChartAttributes");
            for (String bar : bars.split(",")) {
                String[] attributeAndAggregator = bar.split(";");
                IAttribute<?> attribute = columns.get(attributeAndAggregator[0]);
                assertNotNull(attribute, page.getAttribute("id") + ": " + bar);
                assertTrue(attribute.getContentType() instanceof LinearKindOfQuantity, bar);
                @SuppressWarnings("unchecked")
                IAttribute<IQuantity> quantity = (IAttribute<IQuantity>) attribute;
                assertNotNull(Aggregators.getQuantityAggregator(attributeAndAggregator[1], quantity), bar);
            }
        }
    }

    @Test
    void eachRuleTopicIsClaimedByExactlyOnePage() {
        List<IRule> rules = SerialScopeRules.loadFrom(getClass().getClassLoader()).rules();
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

    private static IItemCollection filtered(IState page) {
        return recording.apply(PersistableItemFilter.readFrom(state(page).getChild("pageFilter")));
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
