package dev.serialscope.probe.javaserial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompositionTracerTest {

    @Test
    void shortArraysAreLabelledByIndexLongOnesByRange() {
        assertEquals("[0]", CompositionTracer.indexLabel(0, 3));
        assertEquals("[7]", CompositionTracer.indexLabel(7, 8));
        assertEquals("[0-9]", CompositionTracer.indexLabel(9, 300));
        assertEquals("[10-99]", CompositionTracer.indexLabel(10, 300));
        assertEquals("[100-999]", CompositionTracer.indexLabel(299, 300));
        assertEquals("[1000-9999]", CompositionTracer.indexLabel(1000, 5000));
    }
}
