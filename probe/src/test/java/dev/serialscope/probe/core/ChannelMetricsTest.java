package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A channel's kind, the one label its metrics keep of it. */
class ChannelMetricsTest {

    @Test
    void theKindIsTheNamesFirstWordWhenThatIsAKind() {
        assertEquals("socket", ChannelMetrics.kind("socket 127.0.0.1:8080"));
        assertEquals("socket", ChannelMetrics.kind("socket [::1]:8080"));
        assertEquals("socket", ChannelMetrics.kind("socket /tmp/ipc/s.sock"));
        assertEquals("socket", ChannelMetrics.kind("socket unconnected"));
        assertEquals("pipe", ChannelMetrics.kind("pipe (child pid 4242)"));
        assertEquals("file", ChannelMetrics.kind("file /var/data/orders.bin"));
        assertEquals("file", ChannelMetrics.kind("file descriptor"));
        assertEquals("stdout", ChannelMetrics.kind("stdout"));
        assertEquals("stdin", ChannelMetrics.kind("stdin"));
        assertEquals("other", ChannelMetrics.kind("unknown (com.acme.Stream)"));
        assertEquals("other", ChannelMetrics.kind("socketeer"));
    }
}
