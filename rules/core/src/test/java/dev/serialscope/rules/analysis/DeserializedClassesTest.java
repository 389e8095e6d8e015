package dev.serialscope.rules.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.serialscope.rules.AgentRecordings;
import dev.serialscope.rules.recording.ChannelClasses;
import dev.serialscope.rules.recording.DeserializedClasses;

/** A real recording: the QuoteFeed sample under the agent and the production profile. */
class DeserializedClassesTest {

    @Test
    void theSocketsSetHoldsTheRootNestedAndArrayClassesAndTheLargestValues() {
        List<ChannelClasses> channels = DeserializedClasses.read(AgentRecordings.load("QuoteFeed", "production"));
        assertEquals(1, channels.size(), channels.toString());
        ChannelClasses socket = channels.get(0);
        assertTrue(socket.channel().startsWith("socket 127.0.0.1:"), socket.channel());
        assertEquals(List.of("dev.serialscope.samples.Quote", "dev.serialscope.samples.QuoteFeed$Batch",
                "dev.serialscope.samples.QuoteFeed$Venue", "dev.serialscope.samples.Quote[]", "java.lang.Enum",
                "java.lang.Object[]", "java.util.ArrayList"), List.copyOf(socket.classes().keySet()));
        // Five quotes per batch; the ArrayList's Object[] holds one note.
        assertEquals(5, socket.maxArrayLength());
        assertTrue(socket.maxDepth() >= 3, "depth " + socket.maxDepth());
        // 200 batches on one long-lived stream: references and bytes count from its start.
        assertTrue(socket.maxReferences() > 200 * 5, "references " + socket.maxReferences());
        assertTrue(socket.maxStreamBytes() > 200 * 5 * 20, "bytes " + socket.maxStreamBytes());
        assertEquals(0, socket.untrackedChecks());
    }
}
