package dev.serialscope.events;

/** {@code serialscope.Serialization#durationThreshold}. */
public final class SerializationDurationThreshold extends ThresholdSetting {
    public SerializationDurationThreshold() {
        super(Unit.NANOS, PerCallSettings.DEFAULT_DURATION_THRESHOLD);
    }

    @Override
    void publish(long nanos) {
        PerCallSettings.serializationMinNanos = nanos;
    }
}
