package dev.serialscope.e2e;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.minlog.Log;
import com.esotericsoftware.reflectasm.MethodAccess;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import dev.serialscope.samples.CapturingLambda;
import dev.serialscope.samples.ChattySocket;
import dev.serialscope.samples.CleanMessaging;
import dev.serialscope.samples.FreshStreamPerMessage;
import dev.serialscope.samples.GadgetOnSocket;
import dev.serialscope.samples.GrowingPayload;
import dev.serialscope.samples.PipeTaskShipping;
import dev.serialscope.samples.RepeatedObject;
import dev.serialscope.samples.RmiRepeatedArgument;
import dev.serialscope.samples.Samples;
import dev.serialscope.samples.frameworks.FrameworkMessaging;
import dev.serialscope.samples.frameworks.SharedCatalogOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.objenesis.Objenesis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A production recording must give the verdicts a diagnose recording gives: the same WARNINGs, with the
 * same main culprit class, for every sample (and the one each is meant to show), although the production profile writes per-call events only
 * for large or slow calls. The hot-spot rules are left out: they judge time, and the diagnose profile's
 * own per-call work (stack traces, fingerprints) makes every call slower, so its time share is higher by
 * design.
 */
class VerdictParityE2ETest {

    /** What the expected WARNING must name in both profiles, where a sample's culprit is a field, not a class. */
    private static final Map<Class<?>, String> NAMED = Map.of(SharedCatalogOrders.class,
            "WARNING serialscope.repeatedPayload: SharedCatalogOrders$Order.catalog (HashMap, ");

    private static final List<String> TIME_RULES = List.of("serialscope.serializationHotSpot",
            "serialscope.deserializationHotSpot");

    static Stream<Arguments> samples() {
        // Every sample, with the WARNING it is meant to show ("" for none).
        Map<Class<?>, String> expected = Map.ofEntries(
                Map.entry(PipeTaskShipping.class, "serialscope.repeatedPayload"),
                Map.entry(FreshStreamPerMessage.class, "serialscope.streamSetup"),
                Map.entry(GrowingPayload.class, "serialscope.payloadGrowth"),
                Map.entry(RepeatedObject.class, "serialscope.repeatedPayload"),
                Map.entry(GadgetOnSocket.class, "serialscope.unfilteredDeserialization"),
                Map.entry(CapturingLambda.class, "serialscope.capturedThis"),
                Map.entry(RmiRepeatedArgument.class, "serialscope.repeatedPayload"),
                Map.entry(CleanMessaging.class, ""),
                Map.entry(ChattySocket.class, ""),
                Map.entry(FrameworkMessaging.class, ""),
                Map.entry(SharedCatalogOrders.class, "serialscope.repeatedPayload"));
        List<Arguments> arguments = new ArrayList<>();
        for (Jdk jdk : Jdks.all().toList()) {
            expected.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Class::getSimpleName)))
                    .forEach(entry -> arguments.add(Arguments.of(jdk, entry.getKey(), entry.getValue())));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void productionWarnsLikeDiagnose(Jdk jdk, Class<?> sample, String expectedRule, @TempDir Path dir)
            throws Exception {
        Analysis production = analyze(jdk, dir.resolve("production"), sample, Profile.PRODUCTION);
        Analysis diagnose = analyze(jdk, dir.resolve("diagnose"), sample, Profile.DIAGNOSE);
        assertEquals(diagnose.warnings(), production.warnings(), () -> "WARNINGs (rule=main culprit class) of "
                + "production vs diagnose\n--- production ---\n" + production.text() + "\n--- diagnose ---\n"
                + diagnose.text());
        if (!expectedRule.isEmpty()) {
            assertEquals(true, production.warnings().containsKey(expectedRule), production::text);
        }
        String named = NAMED.get(sample);
        if (named != null) {
            assertTrue(production.text().contains(named), () -> "production does not say " + named + "\n" + production.text());
            assertTrue(diagnose.text().contains(named), () -> "diagnose does not say " + named + "\n" + diagnose.text());
        }
    }

    /** The WARNINGs of an analysis, rule id to the first culprit class ("" when none is named), and its summaries. */
    private record Analysis(Map<String, String> warnings, String text) {
    }

    private static Analysis analyze(Jdk jdk, Path dir, Class<?> sample, Profile profile) throws Exception {
        Files.createDirectories(dir);
        // The samples and the serializers the framework samples use.
        Path recording = ChildJvm.on(jdk, dir).withAgent().recording(profile)
                .classPathOf(Samples.class, Kryo.class, Log.class, MethodAccess.class, Objenesis.class,
                        ObjectMapper.class, JsonFactory.class, JsonProperty.class, Message.class)
                .run(sample).assertSucceeded().recordingFile();
        Launcher.Result analysis = Launcher.run(jdk, dir, 180, "analyze", recording.toString(), "--format", "json");
        assertEquals(0, analysis.exitCode(), analysis.describe());
        JsonNode report = new ObjectMapper().readTree(analysis.stdout());
        JsonNode results = (report.isArray() ? report.get(0) : report).get("results");
        Map<String, String> warnings = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode result : results) {
            String rule = result.get("id").asText();
            text.append(result.get("severity").asText()).append(' ').append(rule).append(": ")
                    .append(result.path("summary").asText()).append('\n');
            if (result.get("severity").asText().equals("WARNING") && !TIME_RULES.contains(rule)) {
                String culprit = "";
                for (JsonNode candidate : result.path("culprits")) {
                    if (candidate.get("kind").asText().equals("class")) {
                        culprit = candidate.get("name").asText();
                        break;
                    }
                }
                warnings.put(rule, culprit);
            }
        }
        return new Analysis(warnings, text.toString());
    }
}
