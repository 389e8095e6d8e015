package dev.serialscope.events;

/** {@code serialscope.Serialization#callThreshold}. */
public final class SerializationThreshold extends ThresholdSetting {
    @Override
    void publish(long minBytes, long minNanos) {
        CurrentSettings.serializationMinBytes = minBytes;
        CurrentSettings.serializationMinNanos = minNanos;
    }
}
