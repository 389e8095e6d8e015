package dev.serialscope.events;

/** {@code serialscope.ChannelIO#operationThreshold}. */
public final class ChannelIoThreshold extends ThresholdSetting {
    public ChannelIoThreshold() {
        super(ChannelIoEvent.NAME, "operationThreshold", CurrentSettings.DEFAULT_CALL_THRESHOLD);
    }

    @Override
    void publish(long minBytes, long minNanos) {
        IpcSettings.channelIoMinBytes = minBytes;
        IpcSettings.channelIoMinNanos = minNanos;
    }
}
