package dev.serialscope.jmc.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.Tally;

/**
 * The per-call events of both directions totalled by root class, call site and channel, each list the biggest
 * by bytes first. Reads the events and names call sites exactly as the SerialScope rules and CLI do.
 */
public record HotSpots(long calls, List<Tally> rootClasses, List<Tally> callSites, List<Tally> channels) {

    public static final HotSpots NONE = new HotSpots(0, List.of(), List.of(), List.of());

    /** @param limit how many of the biggest keys each grouping keeps */
    public static HotSpots of(RecordingModel recording, int limit) {
        List<Call> calls = new ArrayList<>(recording.calls(SerialScopeEvents.SERIALIZATION));
        calls.addAll(recording.calls(SerialScopeEvents.DESERIALIZATION));
        return new HotSpots(calls.size(),
                biggest(Tally.of(calls, Call::rootClass, Tally::bytes), limit),
                biggest(Tally.of(calls, Call::site, Tally::bytes), limit),
                biggest(Tally.of(calls, Call::channel, Tally::bytes), limit));
    }

    private static List<Tally> biggest(List<Tally> byBytes, int limit) {
        return List.copyOf(byBytes.subList(0, Math.min(limit, byBytes.size())));
    }
}
