package dev.serialscope.events;

/** {@code serialscope.Serialization#sizeThreshold}. */
public final class SerializationSizeThreshold extends ThresholdSetting {
    public SerializationSizeThreshold() {
        super(Unit.BYTES, PerCallSettings.DEFAULT_SIZE_THRESHOLD);
    }

    @Override
    void publish(long bytes) {
        PerCallSettings.serializationMinBytes = bytes;
    }
}
