package dev.serialscope.probe.javaserial;

import dev.serialscope.probe.core.CompositionPaths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompositionTracerTest {

    @Test
    void shortArraysAreLabelledByIndexLongOnesByRange() {
        assertEquals("[0]", CompositionPaths.indexLabel(0, 3));
        assertEquals("[7]", CompositionPaths.indexLabel(7, 8));
        assertEquals("[0-9]", CompositionPaths.indexLabel(9, 300));
        assertEquals("[10-99]", CompositionPaths.indexLabel(10, 300));
        assertEquals("[100-999]", CompositionPaths.indexLabel(299, 300));
        assertEquals("[1000-9999]", CompositionPaths.indexLabel(1000, 5000));
    }
}
