package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.analysis.AllowList;
import dev.serialscope.rules.analysis.FilterPattern;
import dev.serialscope.rules.analysis.LibraryAdvice;
import dev.serialscope.rules.analysis.ServingLibrary;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Library;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.RmiMethods;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.StatisticsRow;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * Objects read from outside the process (a socket, a pipe, a file, stdin) with no serial filter
 * (JEP 290/415): whoever can write to that channel chooses which classes the JVM instantiates. A
 * root class that is a known gadget-chain entry point is the shape of a deserialization attack.
 */
public final class UnfilteredDeserializationRule extends SerialScopeRule {

    /** The channel kind of values read through a data grid: their bytes come from other members. */
    private static final String CLUSTER = "cluster";

    public static final TypedPreference<String> CHANNELS = new TypedPreference<>(
            "serialscope.unfilteredDeserialization.channels", "Untrusted channels",
            "Comma-separated channel kinds that bring data from outside the process; memory and unknown "
                    + "streams are left out, except with \"" + CLUSTER + "\": values read through a data grid "
                    + "(Hazelcast, Infinispan, Ignite), which other members wrote.",
            UnitLookup.PLAIN_TEXT.getPersister(), "socket, pipe, file, stdin, " + CLUSTER);
    public static final TypedPreference<String> GADGET_CLASSES = new TypedPreference<>(
            "serialscope.unfilteredDeserialization.gadgetClasses", "Gadget-chain entry points",
            "Comma-separated root classes (or packages, as name.*) known to start deserialization gadget chains.",
            UnitLookup.PLAIN_TEXT.getPersister(), String.join(", ",
                    "javax.management.BadAttributeValueExpException",
                    "java.util.PriorityQueue",
                    "sun.reflect.annotation.AnnotationInvocationHandler",
                    "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl",
                    "com.sun.rowset.JdbcRowSetImpl",
                    "org.apache.commons.collections.functors.*",
                    "org.apache.commons.collections4.functors.*",
                    "org.apache.commons.collections.keyvalue.TiedMapEntry",
                    "org.apache.commons.collections4.keyvalue.TiedMapEntry",
                    "org.apache.commons.beanutils.BeanComparator",
                    "org.codehaus.groovy.runtime.MethodClosure",
                    "org.springframework.beans.factory.ObjectFactory"));

    public static final TypedResult<IQuantity> UNFILTERED_CALLS = quantity("unfilteredCalls", "Unfiltered Reads",
            "Objects read from an untrusted channel without a serial filter.", UnitLookup.NUMBER);
    public static final TypedResult<String> UNFILTERED_CLASSES = text("unfilteredClasses", "Unfiltered Classes",
            "Root classes read without a filter, most frequent first.");
    public static final TypedResult<String> TOP_CHANNEL = text("topChannel", "Channel",
            "The channel with the most unfiltered reads.");
    public static final TypedResult<String> GADGET_CLASS = text("gadgetClass", "Gadget Class",
            "A known gadget-chain entry point that was read without a filter.");
    public static final TypedResult<String> GADGET_CHANNEL = text("gadgetChannel", "Gadget Channel",
            "The channel the gadget class came from.");
    public static final TypedResult<String> FILTER_CHANNEL = text("filterChannel", "Filter Channel",
            "The channel the suggested filter was written for: the gadget's, else the one with the most unfiltered reads.");
    public static final TypedResult<String> SUGGESTED_FILTER = text("suggestedFilter", "Suggested Filter",
            "The allow-list filter for the channel named: every class read there (from the Deserialized Class "
                    + "events, gadget classes left out) and twice the largest depth, references, array length and "
                    + "stream bytes, everything else rejected; without those events, the packages of the root classes.");

    private static final String RECORDED_FILTER_SOLUTION = "Give each stream an allow-list filter. This one allows "
            + "exactly the classes the recording saw read from {filterChannel}, nested ones included "
            + "(known gadget classes left out), with twice the largest depth, references, array length and stream "
            + "bytes seen: stream.setObjectInputFilter(ObjectInputFilter.Config.createFilter(\"{suggestedFilter}\")), "
            + "or for the whole JVM -Djdk.serialFilter=\"{suggestedFilter}\". serialscope filter app.jfr writes it "
            + "for any channel and from several recordings, and serialscope filter --check PATTERN app.jfr tells what "
            + "a filter would reject before you roll it out. Better still, do not read Java serialization from "
            + "outside the process.";

    private static final String PACKAGE_FILTER_SOLUTION = "Give each stream an allow-list filter, e.g. "
            + "stream.setObjectInputFilter(ObjectInputFilter.Config.createFilter(\"{suggestedFilter}\")) (add the "
            + "classes nested in the messages; a recording with the Deserialized Class events lists them all), or set "
            + "one for the whole JVM with -Djdk.serialFilter=... or a jdk.serialFilterFactory (JDK 17+). Better "
            + "still, do not read Java serialization from outside the process.";

    public UnfilteredDeserializationRule() {
        super("serialscope.unfilteredDeserialization", "Unfiltered Deserialization",
                SerialScopeTopics.DESERIALIZATION, List.of(CHANNELS, GADGET_CLASSES, CallSites.LIBRARIES),
                List.of(UNFILTERED_CALLS, UNFILTERED_CLASSES, TOP_CHANNEL, GADGET_CLASS, GADGET_CHANNEL,
                        FILTER_CHANNEL, SUGGESTED_FILTER));
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        // Calls made by RMI name the remote method as their site (their stacks show only RMI's machinery).
        CallTable reads = RmiMethods.relabel(recording, recording.calls(SerialScopeEvents.DESERIALIZATION));
        if (reads.isEmpty()) {
            if (StatisticsRow.totalCalls(StatisticsRow.readAll(recording, SerialScopeEvents.READ)) > 0) {
                return notApplicable(vp, "Objects were read, but none has a per-call event to tell its channel and "
                        + "filter: " + SerialScopeEvents.HOW_TO_RECORD_EVERY_CALL + ".");
            }
            return notRecorded(recording, vp, "deserialization events");
        }
        List<String> channels = split(vp.getPreferenceValue(CHANNELS));
        List<String> gadgets = split(vp.getPreferenceValue(GADGET_CLASSES));
        // Judged once per channel and class name, not once per call.
        Map<String, Boolean> untrustedChannels = new HashMap<>();
        Map<String, Boolean> gadgetClasses = new HashMap<>();
        BitSet unfiltered = new BitSet(reads.size());
        BitSet gadgetReads = new BitSet(reads.size());
        int ownChecks = 0;
        boolean clusterReads = channels.contains(CLUSTER);
        int clusterCalls = 0;
        for (int row = 0; row < reads.size(); row++) {
            if (!reads.filtered(row) && reads.resolveClassOverridden(row)) {
                ownChecks++;
                continue;
            }
            boolean fromCluster = clusterReads && reads.library(row) != null
                    && reads.library(row).kind() == Library.Kind.DATA_GRID;
            if (!reads.filtered(row) && (fromCluster || untrustedChannels.computeIfAbsent(reads.channel(row),
                    channel -> isUntrusted(channel, channels)))) {
                unfiltered.set(row);
                clusterCalls += fromCluster ? 1 : 0;
                if (gadgetClasses.computeIfAbsent(reads.rootClass(row), rootClass -> isGadget(rootClass, gadgets))) {
                    gadgetReads.set(row);
                }
            }
        }
        int unfilteredCalls = unfiltered.cardinality();
        // Unfiltered reads alone are a hardening gap: INFO, rising with their number but never reaching
        // WARNING (mapExp74). A gadget-chain entry point arriving unfiltered is the shape of an attack.
        double score = !gadgetReads.isEmpty() ? 100
                : unfilteredCalls == 0 ? 0 : RulesToolkit.mapExp74(unfilteredCalls, 1);
        ResultBuilder result = scored(vp, score)
                .addResult(UNFILTERED_CALLS, UnitLookup.NUMBER_UNITY.quantity(unfilteredCalls));
        String ownCheckNote = ownChecks == 0 ? "" : " " + ownChecks + " reads without a filter came through streams "
                + "that override resolveClass, a check of their own (e.g. an allow-list), and are not counted.";
        if (unfilteredCalls == 0) {
            return result.setSummary("No object was read from " + String.join(", ", channels)
                    + " without a serial filter." + ownCheckNote).build();
        }

        List<Tally> byClass = reads.tally(CallTable.Key.ROOT_CLASS, unfiltered::get, reads::countedBytes, Tally::calls);
        List<Tally> byChannel = reads.tally(CallTable.Key.CHANNEL, unfiltered::get, reads::countedBytes, Tally::calls);
        List<Culprit> culprits = new ArrayList<>();
        if (!gadgetReads.isEmpty()) {
            int gadget = gadgetReads.nextSetBit(0);
            result.addResult(GADGET_CLASS, reads.rootClass(gadget)).addResult(GADGET_CHANNEL, reads.channel(gadget));
            culprits.addAll(culprits(reads.tally(CallTable.Key.ROOT_CLASS, gadgetReads::get, reads::countedBytes,
                    Tally::calls), Culprit.Kind.CLASS, 5));
        }
        byClass.stream().filter(tally -> !isGadget(tally.key(), gadgets)).limit(5)
                .forEach(tally -> culprits.add(new Culprit(Culprit.Kind.CLASS, tally.key(), tally.bytes(), tally.calls())));
        culprits.addAll(culprits(byChannel, Culprit.Kind.CHANNEL, 3));
        culprits.addAll(culprits(reads.tally(CallTable.Key.SITE, unfiltered::get, reads::countedBytes, Tally::calls),
                Culprit.Kind.SITE, 3));
        String namedChannel = gadgetReads.isEmpty() ? byChannel.get(0).key() : reads.channel(gadgetReads.nextSetBit(0));
        Optional<String> recordedFilter = recordedFilter(recording, namedChannel, gadgets);
        Library library = ServingLibrary.of(reads, unfiltered::get, reads::countedBytes);
        String libraryFix = library == null ? null
                : LibraryAdvice.unfiltered(library, classesRegex(recording, namedChannel, byClass, gadgets));
        String summary = gadgetReads.isEmpty()
                ? "{unfilteredCalls} " + (unfilteredCalls == 1 ? "object was" : "objects were") + " read from {topChannel} and other untrusted channels without a "
                        + "serial filter: {unfilteredClasses}."
                : "{gadgetClass}, a known gadget-chain entry point, was deserialized without a serial filter from "
                        + "{gadgetChannel}; {unfilteredCalls} unfiltered " + noun(unfilteredCalls, "read") + " in all: {unfilteredClasses}.";
        if (clusterCalls > 0) {
            summary += " " + clusterCalls + " of them were values read through a data grid, which other members or "
                    + "clients wrote.";
        }
        summary += ownCheckNote;
        long counted = StatisticsRow.readAll(recording, SerialScopeEvents.READ).stream()
                .mapToLong(StatisticsRow::unfilteredCalls).sum();
        if (counted > unfilteredCalls) {
            summary += " The agent counted " + counted + " reads without a filter on all channels; per-call events "
                    + "hold the first read of each class from each stream, and larger or slower reads.";
        }
        return result.addResult(UNFILTERED_CLASSES, classList(byClass))
                .addResult(TOP_CHANNEL, byChannel.get(0).key())
                .addResult(FILTER_CHANNEL, namedChannel)
                .addResult(SUGGESTED_FILTER, recordedFilter.orElseGet(() -> suggestedFilter(byClass, gadgets)))
                .setSummary(summary)
                .setExplanation("Without a serial filter, ObjectInputStream instantiates any serializable class "
                        + "on the class path that the bytes name, and runs its readObject code, before the program "
                        + "sees the object. Whoever can write to this channel can pick classes whose readObject "
                        + "methods chain into code execution (gadget chains). The events show the root class only: "
                        + "a gadget nested inside an allowed class is not named here, which a filter also prevents.")
                .setSolution((libraryFix == null ? "" : libraryFix + " Or: ")
                        + (recordedFilter.isPresent() ? RECORDED_FILTER_SOLUTION : PACKAGE_FILTER_SOLUTION))
                .addResult(Culprit.CULPRITS, culprits).build();
    }

    /** The classes read from the channel (else the root classes) as one regular expression, gadgets left out. */
    private static String classesRegex(RecordingModel recording, String channel, List<Tally> byClass,
            List<String> gadgets) {
        Set<String> classes = recording.deserializedClasses().stream()
                .filter(traffic -> traffic.channel().equals(channel)).findFirst()
                .map(traffic -> traffic.classes().keySet()).filter(names -> !names.isEmpty())
                .orElseGet(() -> byClass.stream().map(Tally::key).collect(Collectors.toSet()));
        return AllowList.regex(classes.stream().filter(type -> !isGadget(FilterPattern.componentOf(type), gadgets))
                .collect(Collectors.toSet()));
    }

    /** The pattern that allows what the recording saw on the channel, gadgets left out; empty without class events. */
    private static Optional<String> recordedFilter(RecordingModel recording, String channel, List<String> gadgets) {
        return recording.deserializedClasses().stream()
                .filter(traffic -> traffic.channel().equals(channel) && !traffic.classes().isEmpty())
                .findFirst()
                .map(traffic -> AllowList.pattern(
                        traffic.without(type -> isGadget(FilterPattern.componentOf(type), gadgets)), 2, false));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(entry -> !entry.isEmpty()).toList();
    }

    /** Channel names are "socket 10.0.0.1:80", "pipe (child pid 1)", "file /x", "stdin": kind first. */
    static boolean isUntrusted(String channel, List<String> untrustedKinds) {
        for (String kind : untrustedKinds) {
            if (channel.equals(kind) || channel.startsWith(kind + " ")) {
                return true;
            }
        }
        return false;
    }

    /** The gadget-chain entry points of the rule's default setting. */
    public static List<String> defaultGadgetClasses() {
        return split(GADGET_CLASSES.getDefaultValue());
    }

    /** Whether the class is one of {@code gadgets}: class names, or packages as {@code name.*}. */
    public static boolean isGadget(String rootClass, List<String> gadgets) {
        for (String gadget : gadgets) {
            boolean matches = gadget.endsWith(".*")
                    ? rootClass.startsWith(gadget.substring(0, gadget.length() - 1))
                    : rootClass.equals(gadget);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static String classList(List<Tally> byClass) {
        String shown = byClass.stream().limit(5).map(Tally::key).collect(Collectors.joining(", "));
        return byClass.size() > 5 ? shown + " and " + (byClass.size() - 5) + " more" : shown;
    }

    /** The packages of the classes read (gadgets left out), then "!*" to reject everything else. */
    private static String suggestedFilter(List<Tally> byClass, List<String> gadgets) {
        Set<String> patterns = new LinkedHashSet<>();
        for (Tally tally : byClass) {
            String rootClass = tally.key();
            int dot = rootClass.lastIndexOf('.');
            if (!isGadget(rootClass, gadgets) && dot > 0) {
                patterns.add(rootClass.substring(0, dot) + ".*");
            }
        }
        patterns.add("!*");
        return String.join(";", patterns);
    }
}
