package dev.serialscope.events;

/** {@code serialscope.Deserialization#callThreshold}. */
public final class DeserializationThreshold extends ThresholdSetting {
    public DeserializationThreshold() {
        super(DeserializationEvent.NAME, "callThreshold", CurrentSettings.DEFAULT_CALL_THRESHOLD);
    }

    @Override
    void publish(long minBytes, long minNanos) {
        CurrentSettings.deserializationMinBytes = minBytes;
        CurrentSettings.deserializationMinNanos = minNanos;
    }
}
