package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.BinaryPrefix;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * The same payload serialized again and again: the same root object unchanged (equal identity hash,
 * class and size) or the same bytes (equal non-zero content hash). An object that changed between
 * sends (a growing session) is not a repeat. Every repetition after the first is wasted work
 * and bandwidth.
 */
public final class RepeatedPayloadRule extends SerialScopeRule {

    public static final TypedPreference<IQuantity> INFO_SHARE = new TypedPreference<>(
            "serialscope.repeatedPayload.infoShare", "Repeated payload info limit",
            "Share of the bytes written that repeat an earlier payload, for an information.", UnitLookup.PERCENTAGE,
            UnitLookup.PERCENT.quantity(10));
    public static final TypedPreference<IQuantity> WARNING_SHARE = new TypedPreference<>(
            "serialscope.repeatedPayload.warningShare", "Repeated payload warning limit",
            "Share of the bytes written that repeat an earlier payload, for a warning.", UnitLookup.PERCENTAGE,
            UnitLookup.PERCENT.quantity(40));
    public static final TypedPreference<IQuantity> MIN_WASTED = new TypedPreference<>(
            "serialscope.repeatedPayload.minWasted", "Repeated payload minimum",
            "Repeated bytes below this amount are not reported, whatever their share: a few repeated "
                    + "acknowledgements or heartbeats are not worth a finding.",
            UnitLookup.MEMORY, UnitLookup.MEMORY.getUnit(BinaryPrefix.KIBI).quantity(256));

    public static final TypedResult<IQuantity> WASTED_BYTES = quantity("wastedBytes", "Wasted Bytes",
            "Bytes of the calls that repeated an earlier payload (all but the first of each).", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> WASTED_SHARE = quantity("wastedShare", "Wasted Share",
            "The wasted bytes as a share of the bytes written in per-call events.", UnitLookup.PERCENTAGE);
    public static final TypedResult<IQuantity> REPEATED_CALLS = quantity("repeatedCalls", "Repeated Calls",
            "Calls that repeated an earlier payload.", UnitLookup.NUMBER);
    public static final TypedResult<String> TOP_CLASS = text("topClass", "Most Repeated Class",
            "The root class with the most wasted bytes.");
    public static final TypedResult<String> TOP_SITE = text("topSite", "Most Repeated Call Site",
            "The call site with the most wasted bytes.");
    public static final TypedResult<String> TOP_CHANNEL = text("topChannel", "Most Repeated Channel",
            "The channel with the most wasted bytes.");
    public static final TypedResult<String> SAME_WHAT = text("sameWhat", "Kind of Repetition",
            "Whether the repeats were the same object, the same bytes, or both.");

    public RepeatedPayloadRule() {
        super("serialscope.repeatedPayload", "Repeated Payloads", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_SHARE, WARNING_SHARE, MIN_WASTED),
                List.of(WASTED_BYTES, WASTED_SHARE, REPEATED_CALLS, TOP_CLASS, TOP_SITE, TOP_CHANNEL, SAME_WHAT));
    }

    /** A root object in one state: identity hash codes are only unique within a class, and a changed size is news. */
    private record RootObject(String rootClass, long identity, long bytes) {
    }

    @Override
    protected IResult evaluate(IItemCollection items, IPreferenceValueProvider vp) {
        List<Call> writes = Call.readAll(items, SerialScopeEvents.SERIALIZATION);
        if (writes.isEmpty()) {
            return notRecorded(items, vp, "per-call serialization events");
        }
        Set<RootObject> seenObjects = new HashSet<>();
        Set<Long> seenContent = new HashSet<>();
        List<Call> repeats = new ArrayList<>();
        long totalBytes = 0;
        int sameObject = 0;
        int sameBytes = 0;
        for (Call call : writes) {
            totalBytes += call.countedBytes();
            // 0 means "not recorded": HotSpot never hands out 0 as an identity hash, and the content
            // hash is only computed with the diagnose profile.
            boolean objectSeen = call.identity() != 0
                    && !seenObjects.add(new RootObject(call.rootClass(), call.identity(), call.bytes()));
            boolean contentSeen = call.contentHash() != 0 && !seenContent.add(call.contentHash());
            if (objectSeen || contentSeen) {
                repeats.add(call);
                sameObject += objectSeen ? 1 : 0;
                sameBytes += contentSeen ? 1 : 0;
            }
        }
        long wastedBytes = repeats.stream().mapToLong(Call::countedBytes).sum();
        double wastedShare = totalBytes == 0 ? 0 : (double) wastedBytes / totalBytes;
        // A few repeated small messages (acknowledgements, heartbeats) are not worth a finding.
        double score = wastedBytes < value(vp, MIN_WASTED, UnitLookup.BYTE) ? 0
                : RulesToolkit.mapExp100(wastedShare, value(vp, INFO_SHARE, UnitLookup.PERCENT_UNITY),
                        value(vp, WARNING_SHARE, UnitLookup.PERCENT_UNITY));
        ResultBuilder result = scored(vp, score).addResult(WASTED_BYTES, bytes(wastedBytes))
                .addResult(WASTED_SHARE, share(wastedShare))
                .addResult(REPEATED_CALLS, UnitLookup.NUMBER_UNITY.quantity(repeats.size()));
        if (Severity.get(score) == Severity.OK) {
            return result.setSummary("{repeatedCalls} calls repeated an earlier payload, {wastedBytes} "
                    + "({wastedShare} of the bytes written).").build();
        }

        List<Tally> byClass = Tally.of(repeats, Call::rootClass, Tally::bytes);
        List<Tally> bySite = Tally.of(repeats, Call::site, Tally::bytes);
        List<Tally> byChannel = Tally.of(repeats, Call::channel, Tally::bytes);
        List<Culprit> culprits = new ArrayList<>(culprits(byClass, Culprit.Kind.CLASS, 5));
        culprits.addAll(culprits(bySite, Culprit.Kind.SITE, 3));
        culprits.addAll(culprits(byChannel, Culprit.Kind.CHANNEL, 3));
        String sameWhat = sameObject > 0 && sameBytes > 0 ? "the same object or the same bytes"
                : sameObject > 0 ? "the same object" : "the same bytes";
        return result.addResult(TOP_CLASS, byClass.get(0).key()).addResult(TOP_SITE, bySite.get(0).key())
                .addResult(TOP_CHANNEL, byChannel.get(0).key()).addResult(SAME_WHAT, sameWhat)
                .setSummary("{wastedBytes} ({wastedShare} of the bytes written) repeated an earlier payload in "
                        + "{repeatedCalls} calls, mostly {topClass} from {topSite} to {topChannel}.")
                .setExplanation("These calls wrote {sameWhat} as an earlier call: the identity hash code and "
                        + "class of the root object, or the content hash of the bytes (recorded with the diagnose "
                        + "profile), were equal. Only the first of each was needed; the rest cost serialization "
                        + "time, bandwidth and deserialization time on the receiver. Writing the same object twice "
                        + "on one ObjectOutputStream costs only a back-reference, so the repeats come from new "
                        + "streams, reset() or writeUnshared.")
                .setSolution("Send {topClass} once and refer to it afterwards by an id or version, cache its "
                        + "serialized bytes and write those instead of serializing it again, or mark the field "
                        + "that holds the unchanged data transient and rebuild it on the receiver.")
                .addResult(Culprit.CULPRITS, culprits).build();
    }
}
