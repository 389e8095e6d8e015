package dev.serialscope.events;

/** {@code serialscope.Deserialization#callThreshold}. */
public final class DeserializationThreshold extends ThresholdSetting {
    @Override
    void publish(long minBytes, long minNanos) {
        CurrentSettings.deserializationMinBytes = minBytes;
        CurrentSettings.deserializationMinNanos = minNanos;
    }
}
