package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.analysis.ServingLibrary;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.ChannelTotals;
import dev.serialscope.rules.recording.Library;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.RmiMethods;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * Which sockets and pipes carry serialized data, and how much of their bytes it is: the
 * serialization events say what was serialized, the Channel Statistics say what left the process.
 * A channel whose traffic is mostly Java serialization (RMI included) is where a more compact format,
 * or sending less, pays off. Informational: serialization on a channel is not a fault by itself.
 */
public final class SerializedShareRule extends SerialScopeRule {

    public static final TypedPreference<IQuantity> INFO_SHARE = new TypedPreference<>(
            "serialscope.serializedShare.infoShare", "Serialized share info limit",
            "Share of a channel's bytes that serialization calls moved, from which it is reported.",
            UnitLookup.PERCENTAGE, UnitLookup.PERCENT.quantity(50));
    public static final TypedPreference<IQuantity> MIN_BYTES = new TypedPreference<>(
            "serialscope.serializedShare.minBytes", "Serialized share minimum bytes",
            "Channels that carried fewer serialized bytes than this in the recording are not reported.",
            UnitLookup.MEMORY, UnitLookup.MEMORY.getUnit(org.openjdk.jmc.common.unit.BinaryPrefix.MEBI).quantity(1));

    public static final TypedResult<String> TOP_CHANNEL = text("topChannel", "Top Channel",
            "The socket or pipe with the most serialized bytes.");
    public static final TypedResult<IQuantity> CHANNEL_BYTES = quantity("channelBytes", "Channel Bytes",
            "Bytes the top channel carried, both directions.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> SERIALIZED_BYTES = quantity("serializedBytes", "Serialized Bytes",
            "Of those, the bytes serialization calls (or RMI calls) moved.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> SERIALIZED_SHARE = quantity("serializedShare", "Serialized Share",
            "Serialized bytes as a share of the top channel's bytes.", UnitLookup.PERCENTAGE);
    public static final TypedResult<IQuantity> IPC_SHARE = quantity("ipcShare", "Serialized Share of All IPC",
            "Serialized bytes as a share of all socket and pipe bytes.", UnitLookup.PERCENTAGE);
    public static final TypedResult<String> TOP_CLASS = text("topClass", "Top Root Class",
            "The root class with the most bytes on the top channel (from the per-call events).");
    public static final TypedResult<String> TOP_RMI_METHOD = text("topRmiMethod", "Top RMI Method",
            "The RMI method with the most argument and result bytes on the top channel, if any.");

    public static final TypedResult<IQuantity> UNLINKED_BYTES = quantity("unlinkedBytes", "Unlinked Bytes",
            "Bytes serialized to or from buffers whose channel the agent could not name (a library's buffer, sent "
                    + "or filled on another thread): their share of the socket and pipe bytes is not known.",
            UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> IPC_BYTES = quantity("ipcBytes", "Socket and Pipe Bytes",
            "Bytes all sockets and pipes carried, both directions.", UnitLookup.MEMORY);
    public static final TypedResult<String> UNLINKED_LIBRARY = text("unlinkedLibrary", "Unlinked Library",
            "The library that made most of the unlinked calls, if one did.");

    public SerializedShareRule() {
        super("serialscope.serializedShare", "Serialized Share of Channel Bytes", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_SHARE, MIN_BYTES, CallSites.LIBRARIES),
                List.of(TOP_CHANNEL, CHANNEL_BYTES, SERIALIZED_BYTES, SERIALIZED_SHARE, IPC_SHARE, TOP_CLASS,
                        TOP_RMI_METHOD, UNLINKED_BYTES, IPC_BYTES, UNLINKED_LIBRARY));
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        if (!hasSerialScopeEvents(recording)) {
            return notRecorded(recording, vp, "channel statistics");
        }
        Map<String, long[]> byChannel = new HashMap<>();
        long allBytes = 0;
        long allSerialized = 0;
        for (ChannelTotals row : ChannelTotals.readAll(recording)) {
            if (!row.interProcess()) {
                continue;
            }
            long[] sum = byChannel.computeIfAbsent(row.channel(), k -> new long[2]);
            sum[0] += row.bytes();
            sum[1] += row.serializedBytes();
            allBytes += row.bytes();
            allSerialized += row.serializedBytes();
        }
        if (byChannel.isEmpty()) {
            return scored(vp, 0).setSummary("No socket or pipe traffic in the channel statistics of this recording.")
                    .build();
        }
        // A library that serializes into its own buffer on the caller's thread and sends it from an I/O thread
        // (Hazelcast) leaves bytes no thread links to a socket: a share computed without them would read as 0 %.
        CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
        CallTable reads = recording.calls(SerialScopeEvents.DESERIALIZATION);
        long unlinked = unlinkedBytes(writes) + unlinkedBytes(reads);
        if (unlinked > allSerialized) {
            return notLinked(vp, writes, reads, unlinked, allBytes);
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(byChannel.entrySet());
        ranked.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        Map.Entry<String, long[]> top = ranked.get(0);
        long channelBytes = top.getValue()[0];
        long serialized = top.getValue()[1];
        double share = channelBytes == 0 ? 0 : (double) serialized / channelBytes;
        double ipcShare = allBytes == 0 ? 0 : (double) allSerialized / allBytes;
        double score = serialized < value(vp, MIN_BYTES, UnitLookup.BYTE) ? 0
                : RulesToolkit.mapExp74(share, value(vp, INFO_SHARE, UnitLookup.PERCENT_UNITY));
        ResultBuilder result = scored(vp, score).addResult(TOP_CHANNEL, top.getKey())
                .addResult(CHANNEL_BYTES, bytes(channelBytes)).addResult(SERIALIZED_BYTES, bytes(serialized))
                .addResult(SERIALIZED_SHARE, share(share)).addResult(IPC_SHARE, share(ipcShare));
        if (score < RulesToolkit.mapExp74(1, 2) || serialized == 0) {
            return result.setSummary("Serialization moved {ipcShare} of the socket and pipe bytes; the most on "
                    + "{topChannel}: {serializedBytes} of {channelBytes}.").build();
        }
        List<Call> calls = new ArrayList<>(writes);
        calls.addAll(reads);
        List<Call> onTop = calls.stream().filter(c -> c.channel().equals(top.getKey())).toList();
        List<Tally> byClass = Tally.of(onTop, Call::rootClass, Call::countedBytes, Tally::bytes);
        Map<String, Long> rmiBytes = RmiMethods.of(recording).bytesByMethod(top.getKey());
        String topRmi = rmiBytes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        List<Culprit> culprits = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : ranked.subList(0, Math.min(3, ranked.size()))) {
            if (entry.getValue()[1] > 0) {
                culprits.add(new Culprit(Culprit.Kind.CHANNEL, entry.getKey(), entry.getValue()[1], 0));
            }
        }
        culprits.addAll(culprits(byClass, Culprit.Kind.CLASS, 3));
        String summary = "{serializedShare} of the {channelBytes} on {topChannel} were serialized data "
                + "({serializedBytes})";
        if (topRmi != null) {
            result.addResult(TOP_RMI_METHOD, topRmi);
            summary += ", mostly RMI calls of {topRmiMethod}";
        } else if (!byClass.isEmpty()) {
            result.addResult(TOP_CLASS, byClass.get(0).key());
            summary += ", mostly {topClass}";
        }
        return result.addResult(Culprit.CULPRITS, culprits)
                .setSummary(summary + "; serialization moved {ipcShare} of all socket and pipe bytes.")
                .setExplanation("The agent counts every read and write on sockets and pipes and notes which ones "
                        + "happened inside a serialization call (java, Kryo, Jackson, Protobuf, or an RMI call) on "
                        + "the same thread. On this channel most bytes are serialized object graphs: their size "
                        + "is set by the classes and fields that are serialized, not by the data the receiver needs."
                        + (topRmi != null ? RmiMethods.EXPLANATION : ""))
                .setSolution("Look at the Large Payloads and Repeated Payloads findings for the same channel: send "
                        + "less (transient fields, ids instead of shared objects, deltas), or use a compact "
                        + "format for the hot messages (DataOutputStream, Externalizable, Protobuf)."
                        + (topRmi != null ? " For RMI, pass ids or small value objects to remote methods and keep "
                        + "large shared state on the server." : ""))
                .build();
    }

    /** Calls whose channel the agent could not name, or that a data grid made (its buffers go to other members). */
    private static boolean unlinked(CallTable calls, int row) {
        Library library = calls.library(row);
        return calls.channel(row).startsWith("unknown")
                || library != null && library.kind() == Library.Kind.DATA_GRID && !calls.channel(row).startsWith("file");
    }

    private static long unlinkedBytes(CallTable calls) {
        long bytes = 0;
        for (int row = 0; row < calls.size(); row++) {
            bytes += unlinked(calls, row) ? calls.countedBytes(row) : 0;
        }
        return bytes;
    }

    private IResult notLinked(IPreferenceValueProvider vp, CallTable writes, CallTable reads, long unlinked,
            long ipcBytes) {
        Library library = ServingLibrary.of(writes, row -> unlinked(writes, row), writes::countedBytes);
        List<Culprit> culprits = new ArrayList<>();
        for (CallTable calls : List.of(writes, reads)) {
            culprits.addAll(culprits(calls.tally(CallTable.Key.SITE, row -> unlinked(calls, row), calls::countedBytes,
                    Tally::bytes), Culprit.Kind.SITE, 2));
        }
        ResultBuilder result = scored(vp, 0).addResult(UNLINKED_BYTES, bytes(unlinked))
                .addResult(IPC_BYTES, bytes(ipcBytes)).addResult(Culprit.CULPRITS, culprits);
        String by = "";
        if (library != null) {
            result.addResult(UNLINKED_LIBRARY, library.name());
            by = " by {unlinkedLibrary}";
        }
        return result.setSummary("Serialization and sockets are not linked: {unlinkedBytes} were serialized" + by
                + " to or from buffers in memory, which are sent or filled on other threads, so which share of the "
                + "{ipcBytes} on sockets and pipes is serialized data is not known (the agent links bytes to a "
                + "channel only on the thread of the serialization call).").build();
    }
}
