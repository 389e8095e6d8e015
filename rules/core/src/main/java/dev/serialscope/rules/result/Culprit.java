package dev.serialscope.rules.result;

import java.util.Locale;

import org.openjdk.jmc.common.IDisplayable;
import org.openjdk.jmc.common.unit.ContentType;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.rules.TypedCollectionResult;

/**
 * What a finding is about: a root class, a call site, a channel or a field path, with the bytes and calls that
 * make up the finding there. Every SerialScope rule attaches its culprits as {@link #CULPRITS}; the
 * CLI prints them and writes them to JSON, JMC shows them through {@link #displayUsing}.
 */
public final class Culprit implements IDisplayable {

    public enum Kind {
        CLASS, SITE, CHANNEL,
        /** A field path inside a root class: {@code com.example.Task.config.settings}. */
        FIELD,
        /** A data-grid map or other store whose values the calls converted: {@code hazelcast map orders}. */
        STORE;

        /** The name in reports and JSON: class, site, channel, field. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final ContentType<Culprit> CONTENT_TYPE = UnitLookup.createSyntheticContentType("serialscope.culprit");

    public static final TypedCollectionResult<Culprit> CULPRITS = new TypedCollectionResult<>("culprits", "Culprits",
            "The root classes, call sites and channels behind the finding, with their bytes and calls.",
            CONTENT_TYPE, Culprit.class);

    private final Kind kind;
    private final String name;
    private final long bytes;
    private final long count;

    public Culprit(Kind kind, String name, long bytes, long count) {
        this.kind = kind;
        this.name = name;
        this.bytes = bytes;
        this.count = count;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The bytes of the calls that make up the finding for this culprit. */
    public long bytes() {
        return bytes;
    }

    /**
     * The calls (or, for stream setup, the streams) that make up the finding for this culprit; 0 when the finding
     * counts bytes only (a channel's serialized bytes, which the channel statistics do not split into calls).
     */
    public long count() {
        return count;
    }

    @Override
    public String displayUsing(String formatHint) {
        String amount = UnitLookup.BYTE.quantity(bytes).displayUsing(formatHint);
        if (count == 0) {
            return kind.label() + " " + name + " (" + amount + ")";
        }
        return kind.label() + " " + name + " (" + amount + " in " + String.format(Locale.ROOT, "%,d", count)
                + (count == 1 ? " call)" : " calls)");
    }

    @Override
    public String toString() {
        return displayUsing(IDisplayable.AUTO);
    }
}
