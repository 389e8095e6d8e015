package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.recording.ChannelTotals;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.result.Culprit;

/**
 * Many tiny reads or writes on a socket or pipe: each one is a system call (and on a socket often
 * a packet), so a stream that hands the channel a few bytes at a time, typically an
 * ObjectOutputStream or ObjectInputStream straight on a socket stream, spends its time in the kernel.
 * Reads the Channel Statistics, which count every operation with no threshold.
 */
public final class ChattyChannelRule extends SerialScopeRule {

    public static final TypedPreference<IQuantity> INFO_AVERAGE = new TypedPreference<>(
            "serialscope.chattyChannel.infoAverage", "Chatty channel info limit",
            "Average bytes per operation on a channel at or below which it is reported as information.",
            UnitLookup.MEMORY, UnitLookup.BYTE.quantity(64));
    public static final TypedPreference<IQuantity> WARNING_AVERAGE = new TypedPreference<>(
            "serialscope.chattyChannel.warningAverage", "Chatty channel warning limit",
            "Average bytes per operation on a channel at or below which it is reported as a warning.",
            UnitLookup.MEMORY, UnitLookup.BYTE.quantity(8));
    public static final TypedPreference<IQuantity> MIN_OPERATIONS = new TypedPreference<>(
            "serialscope.chattyChannel.minOperations", "Chatty channel minimum operations",
            "Channels (per direction) with fewer reads or writes than this in the recording are not reported.",
            UnitLookup.NUMBER, UnitLookup.NUMBER_UNITY.quantity(10_000));

    public static final TypedResult<String> TOP_CHANNEL = text("topChannel", "Chattiest Channel",
            "The channel and direction with the most operations among the chatty ones.");
    public static final TypedResult<String> TOP_DIRECTION = text("topDirection", "Direction",
            "writes or reads.");
    public static final TypedResult<IQuantity> OPERATIONS = quantity("operations", "Operations",
            "Reads or writes on the chattiest channel.", UnitLookup.NUMBER);
    public static final TypedResult<IQuantity> AVERAGE = quantity("average", "Average Size",
            "Bytes per operation on the chattiest channel, on average.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> TIME = quantity("time", "Time",
            "Wall-clock time in those operations.", UnitLookup.TIMESPAN);
    public static final TypedResult<IQuantity> SERIALIZED_SHARE = quantity("serializedShare", "Serialized Share",
            "Share of the chattiest channel's bytes that a serialization call moved.", UnitLookup.PERCENTAGE);
    public static final TypedResult<IQuantity> CHATTY_CHANNELS = quantity("chattyChannels", "Chatty Channels",
            "Channels and directions at or below the info limit.", UnitLookup.NUMBER);

    public ChattyChannelRule() {
        super("serialscope.chattyChannel", "Chatty Channels", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_AVERAGE, WARNING_AVERAGE, MIN_OPERATIONS),
                List.of(TOP_CHANNEL, TOP_DIRECTION, OPERATIONS, AVERAGE, TIME, SERIALIZED_SHARE, CHATTY_CHANNELS));
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        if (!hasSerialScopeEvents(recording)) {
            return notRecorded(recording, vp, "channel statistics");
        }
        List<ChannelTotals> channels = ChannelTotals.readAll(recording).stream().filter(ChannelTotals::interProcess).toList();
        if (channels.isEmpty()) {
            return ResultBuilder.createFor(this, vp).setSeverity(Severity.OK)
                    .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(0))
                    .setSummary("No socket or pipe traffic in the channel statistics of this recording.").build();
        }
        double infoAverage = value(vp, INFO_AVERAGE, UnitLookup.BYTE);
        double warningAverage = value(vp, WARNING_AVERAGE, UnitLookup.BYTE);
        double minOperations = value(vp, MIN_OPERATIONS, UnitLookup.NUMBER_UNITY);
        List<ChannelTotals> chatty = new ArrayList<>();
        for (ChannelTotals channel : channels) {
            if (channel.operations() >= minOperations && channel.averageBytes() <= infoAverage) {
                chatty.add(channel);
            }
        }
        if (chatty.isEmpty()) {
            return scored(vp, 0).addResult(CHATTY_CHANNELS, UnitLookup.NUMBER_UNITY.quantity(0))
                    .setSummary("No socket or pipe moved its bytes in many tiny reads or writes.").build();
        }
        chatty.sort(Comparator.comparingLong(ChannelTotals::operations).reversed());
        ChannelTotals top = chatty.get(0);
        // The smaller the average, the worse: 1 at the info limit, infoAverage/warningAverage at the warning limit.
        double tininess = infoAverage / Math.max(top.averageBytes(), 0.5);
        double score = RulesToolkit.mapExp100(tininess, 1, infoAverage / warningAverage);
        boolean writes = SerialScopeEvents.WRITE.equals(top.direction());
        double serializedShare = top.bytes() == 0 ? 0 : (double) top.serializedBytes() / top.bytes();
        List<Culprit> culprits = chatty.stream().limit(5)
                .map(c -> new Culprit(Culprit.Kind.CHANNEL, c.channel(), c.bytes(),
                        c.operations()))
                .toList();
        ResultBuilder result = scored(vp, score)
                .addResult(TOP_CHANNEL, top.channel()).addResult(TOP_DIRECTION, writes ? "writes" : "reads")
                .addResult(OPERATIONS, UnitLookup.NUMBER_UNITY.quantity(top.operations()))
                .addResult(AVERAGE, UnitLookup.BYTE.quantity(Math.round(top.averageBytes() * 10) / 10.0))
                .addResult(TIME, nanos(top.totalNanos()))
                .addResult(SERIALIZED_SHARE, share(serializedShare))
                .addResult(CHATTY_CHANNELS, UnitLookup.NUMBER_UNITY.quantity(chatty.size()))
                .addResult(Culprit.CULPRITS, culprits);
        String layer = writes ? "ObjectOutputStream" : "ObjectInputStream";
        String buffer = writes ? "new BufferedOutputStream(socket.getOutputStream())"
                : "new BufferedInputStream(socket.getInputStream())";
        return result
                .setSummary("{topChannel}: {operations} {topDirection} of {average} on average ({time}); "
                        + "{serializedShare} of the bytes came from serialization calls.")
                .setExplanation("Every read or write on a socket or pipe is a system call, and a small socket write "
                        + "is often a packet of its own. " + layer + " hands its stream a few bytes at a time: "
                        + (writes ? "each switch between block data and object data (custom writeObject methods, "
                        + "collections, records) and each flush drains its small internal buffer"
                        : "it reads each type code and length separately")
                        + ", so on an unbuffered socket or pipe stream a single message becomes many tiny operations. "
                        + "A serialized share near 100 % means the serialization layer makes them; otherwise a "
                        + "DataOutputStream/DataInputStream or a hand-written protocol does."
                        + (top.channel().startsWith("socket ") ? " JMC's own socket rules read jdk.Socket"
                        + (writes ? "Write" : "Read") + " events, which are only written above a duration threshold "
                        + "(and on JDK 25 throttled to 100 per second), so they cannot see many fast tiny operations."
                        : ""))
                .setSolution("Put a buffer between the " + (serializedShare >= 0.5 ? layer : "writer or reader")
                        + " and the channel, e.g. new " + layer + "(" + buffer + "), and flush once per message "
                        + "(the ObjectOutputStream's flush() flushes the buffer too).")
                .build();
    }
}
