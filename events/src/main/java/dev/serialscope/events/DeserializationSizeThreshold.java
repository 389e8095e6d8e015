package dev.serialscope.events;

/** {@code serialscope.Deserialization#sizeThreshold}. */
public final class DeserializationSizeThreshold extends ThresholdSetting {
    public DeserializationSizeThreshold() {
        super(Unit.BYTES, PerCallSettings.DEFAULT_SIZE_THRESHOLD);
    }

    @Override
    void publish(long bytes) {
        PerCallSettings.deserializationMinBytes = bytes;
    }
}
