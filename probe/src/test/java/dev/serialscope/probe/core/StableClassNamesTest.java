package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.Serializable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StableClassNamesTest {

    private static final String OWNER = StableClassNamesTest.class.getName();

    @Test
    void aLambdaClassIsNamedByItsOwnerWithoutTheHiddenClassSuffix() {
        Supplier<String> lambda = (Supplier<String> & Serializable) () -> "x";
        Class<?> type = lambda.getClass();

        assertNotEquals(OWNER + "$$Lambda", type.getName(), "the JVM's name has a suffix");
        assertEquals(OWNER + "$$Lambda", StableClassNames.of(type));
    }

    @Test
    void otherClassesKeepTheirNamesAndArraysReadAsJmcPrintsThem() {
        assertEquals("java.lang.String", StableClassNames.of(String.class));
        assertEquals(OWNER + "$Not$$Lambda", StableClassNames.of(Not$$Lambda.class), "not a hidden class");
        assertEquals("java.lang.String[][]", StableClassNames.of(String[][].class));
        assertEquals("int[]", StableClassNames.of(int[].class));
        assertNull(StableClassNames.of(null));
    }

    @Test
    void theNameIsComputedOncePerClass() {
        assertSame(StableClassNames.of(Not$$Lambda[].class), StableClassNames.of(Not$$Lambda[].class));
    }

    private static final class Not$$Lambda {
    }
}
