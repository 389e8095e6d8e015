package dev.serialscope.events;

/** {@code serialscope.Deserialization#durationThreshold}. */
public final class DeserializationDurationThreshold extends ThresholdSetting {
    public DeserializationDurationThreshold() {
        super(Unit.NANOS, PerCallSettings.DEFAULT_DURATION_THRESHOLD);
    }

    @Override
    void publish(long nanos) {
        PerCallSettings.deserializationMinNanos = nanos;
    }
}
