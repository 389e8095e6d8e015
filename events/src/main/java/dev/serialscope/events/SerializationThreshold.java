package dev.serialscope.events;

/** {@code serialscope.Serialization#callThreshold}. */
public final class SerializationThreshold extends ThresholdSetting {
    public SerializationThreshold() {
        super(SerializationEvent.NAME, "callThreshold", CurrentSettings.DEFAULT_CALL_THRESHOLD);
    }

    @Override
    void publish(long minBytes, long minNanos) {
        CurrentSettings.serializationMinBytes = minBytes;
        CurrentSettings.serializationMinNanos = minNanos;
    }
}
