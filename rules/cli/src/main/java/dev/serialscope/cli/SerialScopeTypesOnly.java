package dev.serialscope.cli;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.flightrecorder.parser.IEventSink;
import org.openjdk.jmc.flightrecorder.parser.IEventSinkFactory;
import org.openjdk.jmc.flightrecorder.parser.IParserExtension;
import org.openjdk.jmc.flightrecorder.parser.ValueField;

import dev.serialscope.rules.recording.SerialScopeEvents;

/**
 * A parser extension for {@code analyze} without --jdk-rules: the SerialScope rules read only SerialScope events
 * ({@code serialscope.*}), so every other event is parsed and dropped instead of being stored, sorted and indexed
 * by JMC. Of each other event type only the event that starts first and the one that ends last are kept, so that
 * the recording's time span (the hot spot rules' denominator) stays what it is with every event loaded.
 */
final class SerialScopeTypesOnly implements IParserExtension {


    @Override
    public IEventSinkFactory getEventSinkFactory(IEventSinkFactory next) {
        return new Factory(next);
    }

    private static final class Factory implements IEventSinkFactory {
        private final IEventSinkFactory next;
        private final List<Bounds> dropped = new ArrayList<>();

        Factory(IEventSinkFactory next) {
            this.next = next;
        }

        @Override
        public IEventSink create(String identifier, String label, String[] category, String description,
                List<ValueField> fields) {
            if (identifier.startsWith(SerialScopeEvents.PREFIX)) {
                return next.create(identifier, label, category, description, fields);
            }
            Bounds bounds = new Bounds(identifier, label, category, description, fields);
            synchronized (dropped) {
                dropped.add(bounds);
            }
            return bounds;
        }

        @Override
        public void flush() {
            synchronized (dropped) {
                for (Bounds bounds : dropped) {
                    bounds.forward(next);
                }
                dropped.clear();
            }
            next.flush();
        }
    }

    /** Drops the events of one type (of one chunk), keeping the first to start and the last to end. */
    private static final class Bounds implements IEventSink {
        private final String identifier;
        private final String label;
        private final String[] category;
        private final String description;
        private final List<ValueField> fields;
        private final int start;
        private final int duration;
        private Object[] first;
        private IQuantity firstStart;
        private Object[] last;
        private IQuantity lastEnd;

        Bounds(String identifier, String label, String[] category, String description, List<ValueField> fields) {
            this.identifier = identifier;
            this.label = label;
            this.category = category;
            this.description = description;
            this.fields = fields;
            this.start = indexOf(fields, "startTime");
            this.duration = indexOf(fields, "duration");
        }

        private static int indexOf(List<ValueField> fields, String identifier) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).getIdentifier().equals(identifier)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void addEvent(Object[] values) {
            if (start < 0 || !(values[start] instanceof IQuantity begin)) {
                return;
            }
            IQuantity end = duration >= 0 && values[duration] instanceof IQuantity span ? begin.add(span) : begin;
            // The parser reuses the array: keep copies.
            if (firstStart == null || begin.compareTo(firstStart) < 0) {
                first = values.clone();
                firstStart = begin;
            }
            if (lastEnd == null || end.compareTo(lastEnd) > 0) {
                last = values.clone();
                lastEnd = end;
            }
        }

        void forward(IEventSinkFactory next) {
            if (first == null) {
                return;
            }
            IEventSink sink = next.create(identifier, label, category, description, fields);
            sink.addEvent(first);
            if (last != first) {
                sink.addEvent(last);
            }
        }
    }
}
