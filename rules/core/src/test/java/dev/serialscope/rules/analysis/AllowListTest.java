package dev.serialscope.rules.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.shop.Order;
import com.example.shop.PriceUpdate;

import dev.serialscope.rules.recording.ChannelClasses;

class AllowListTest {

    private static ChannelClasses traffic(long depth, long references, long arrayLength, long streamBytes,
            String... classes) {
        Map<String, Integer> seen = new java.util.TreeMap<>();
        for (String type : classes) {
            seen.put(type, 1);
        }
        return new ChannelClasses("socket 10.0.0.1:80", seen, depth, references, arrayLength, streamBytes, 0);
    }

    @Test
    void allowsTheClassesSeenWithTheLimitsTimesTheMarginThenRejectsTheRest() {
        String pattern = AllowList.pattern(traffic(3, 7, 0, 1001, "com.example.shop.Order", "java.lang.Integer",
                "java.lang.Number"), 1.5, false);
        assertEquals("maxdepth=5;maxrefs=11;maxarray=0;maxbytes=1502;com.example.shop.Order;java.lang.Integer;"
                + "java.lang.Number;!*", pattern);
    }

    @Test
    void anArrayAddsItsComponentTypeAndAPrimitiveArrayNothing() {
        assertEquals(Set.of("com.example.shop.PriceUpdate", "java.lang.String"), AllowList.entries(
                Set.of("com.example.shop.PriceUpdate[]", "java.lang.String[][]", "int[]", "byte[][]"), false));
    }

    @Test
    void classesTheJvmNumbersAtRunTimeAreAllowedByTheirStablePrefix() {
        assertEquals(Set.of("jdk.proxy*", "com.acme.$Proxy*", "com.acme.Job$$Lambda*", "$Proxy*"), AllowList.entries(
                Set.of("jdk.proxy2.$Proxy62", "com.acme.$Proxy7", "com.acme.Job$$Lambda$14/0x0000000800c0b000",
                        "$Proxy3"), false));
    }

    @Test
    void collapseAllowsWholePackages() {
        assertEquals(Set.of("com.example.shop.*", "java.lang.*", "Standalone"), AllowList.entries(
                Set.of("com.example.shop.Order", "com.example.shop.PriceUpdate[]", "java.lang.Integer", "Standalone"),
                true));
    }

    @Test
    void theJdksFilterAllowsTheRecordedClassesAndNothingElse() {
        ObjectInputFilter filter = ObjectInputFilter.Config.createFilter(AllowList.pattern(
                traffic(4, 100, 8, 5000, "com.example.shop.Order", "com.example.shop.PriceUpdate[]", "int[]",
                        "java.lang.String"), 2, false));
        for (Class<?> allowed : List.of(Order.class, PriceUpdate[].class, PriceUpdate.class, String.class)) {
            assertEquals(ObjectInputFilter.Status.ALLOWED, filter.checkInput(check(allowed, 8, 16)), allowed.getName());
        }
        assertEquals(ObjectInputFilter.Status.UNDECIDED, filter.checkInput(check(int[].class, 8, 16)), "int[]");
        assertEquals(ObjectInputFilter.Status.REJECTED, filter.checkInput(check(Integer.class, 8, 8)), "Integer");
        assertEquals(ObjectInputFilter.Status.REJECTED, filter.checkInput(check(Order.class, 9, 8)), "too deep");
        assertEquals(ObjectInputFilter.Status.REJECTED, filter.checkInput(check(int[].class, 8, 17)), "too long");
    }

    private static ObjectInputFilter.FilterInfo check(Class<?> type, long depth, long arrayLength) {
        return new ObjectInputFilter.FilterInfo() {
            @Override
            public Class<?> serialClass() {
                return type;
            }

            @Override
            public long arrayLength() {
                return type.isArray() ? arrayLength : -1;
            }

            @Override
            public long depth() {
                return depth;
            }

            @Override
            public long references() {
                return 1;
            }

            @Override
            public long streamBytes() {
                return 1;
            }
        };
    }
}
