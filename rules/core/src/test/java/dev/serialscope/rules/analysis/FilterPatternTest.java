package dev.serialscope.rules.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.shop.Order;

import dev.serialscope.rules.recording.ChannelClasses;

/** The pattern is judged as the JDK's own pattern filter judges it: each case is put to both. */
class FilterPatternTest {

    private static final List<String> PATTERNS = List.of(
            "java.lang.*;!*", "java.**;!*", "java.util.*", "!java.util.*", "java.lang.String;!*", "java.lang.Str*;!*",
            "com.example.shop.Order;!*", "!com.example.**;*", "*", "!*", "java.util.Map$Entry;java.lang.*;!*",
            "maxdepth=3;com.example.shop.*;!*", "com.example.shop.*;!java.lang.Integer;java.lang.*;!*", ";;!*");

    private static final List<Class<?>> CLASSES = List.of(String.class, String[].class, String[][].class, int[].class,
            long[][].class, ArrayList.class, Integer.class, Map.Entry.class, Order.class, Order[].class,
            FilterPatternTest.class);

    /** What a stream tells its filter about one class: the limits are far from any pattern's. */
    private record Check(Class<?> serialClass, long arrayLength) implements ObjectInputFilter.FilterInfo {
        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 1;
        }

        @Override
        public long streamBytes() {
            return 1;
        }
    }

    static Stream<Arguments> patternsAndClasses() {
        return PATTERNS.stream().flatMap(pattern -> CLASSES.stream().map(type -> Arguments.of(pattern, type)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("patternsAndClasses")
    void rejectsWhatTheJdksFilterRejects(String pattern, Class<?> type) {
        ObjectInputFilter jdk = ObjectInputFilter.Config.createFilter(pattern);
        boolean jdkRejects = jdk.checkInput(new Check(type, type.isArray() ? 1 : -1)) == ObjectInputFilter.Status.REJECTED;
        FilterPattern ours = FilterPattern.parse(pattern);
        assertEquals(jdkRejects, ours.rejects(asJmcShowsIt(type)), "as JMC names it: " + asJmcShowsIt(type));
        assertEquals(jdkRejects, ours.rejects(type.getName()), "as Class.getName() names it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "/java.lang.*", "!/x", ".*", "!.*", "maxdepth=-1", "maxrefs=many"})
    void refusesWhatTheJdkRefuses(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> ObjectInputFilter.Config.createFilter(pattern));
        assertThrows(IllegalArgumentException.class, () -> FilterPattern.parse(pattern));
    }

    @Test
    void refusesAMisspelledLimitThatTheJdkWouldTakeForAClassName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterPattern.parse("maxdeph=5;!*"));
        assertTrue(e.getMessage().contains("maxdeph=5"), e.getMessage());
    }

    @Test
    void limitsRejectWhatGoesBeyondThem() {
        ChannelClasses traffic = new ChannelClasses("socket 10.0.0.1:80", Map.of("com.example.shop.Order", 1),
                6, 100, 11, 999, 0);
        FilterPattern.Rejections rejections =
                FilterPattern.parse("maxdepth=5;maxrefs=100;maxarray=10;maxbytes=1000;com.example.shop.*;!*")
                        .check(traffic);
        assertEquals(List.of(), rejections.classes());
        assertEquals(List.of(new FilterPattern.ExceededLimit("maxdepth", 5, 6),
                new FilterPattern.ExceededLimit("maxarray", 10, 11)), rejections.limits());
        assertTrue(rejections.any());
        assertEquals(List.of("com.example.shop.Order"), FilterPattern.parse("java.**;!*").check(traffic).classes());
    }

    /** JMC names an array class by its component and brackets: {@code java.lang.String[][]}. */
    static String asJmcShowsIt(Class<?> type) {
        return type.isArray() ? asJmcShowsIt(type.getComponentType()) + "[]" : type.getName();
    }
}
