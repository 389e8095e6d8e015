package dev.serialscope.events;

/**
 * The current {@code serialscope.ChannelIO#operationThreshold}, as combined by JFR over all
 * running recordings, for the agent's hot path: an operation is written when it moves at least
 * {@link #channelIoMinBytes} or takes at least {@link #channelIoMinNanos}.
 */
public final class IpcSettings {

    public static volatile long channelIoMinBytes = 64 * 1024;
    public static volatile long channelIoMinNanos = 10_000_000;

    private IpcSettings() {
    }
}
