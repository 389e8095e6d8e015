package dev.serialscope.jmc.analysis;

import java.util.List;

import dev.serialscope.rules.analysis.HotSpots;
import dev.serialscope.rules.result.Finding;

/** What the Serialization Hot Spots view shows for one recording. */
public record RecordingAnalysis(String recordingName, HotSpots hotSpots, List<Finding> findings) {
}
