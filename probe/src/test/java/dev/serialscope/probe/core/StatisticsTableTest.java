package dev.serialscope.probe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Array;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The running totals for metrics and the period's rows read the same counts, each call once. */
class StatisticsTableTest {

    @Test
    void totalsKeepWhatARecordingsStartForgets() {
        AtomicBoolean recording = new AtomicBoolean(false);
        StatisticsTable table = new StatisticsTable("write", "java", recording::get);
        ThreadCounts counts = table.register();
        counts.add(String.class, 10, 0, 0, false);
        counts.add(String.class, 20, 0, 0, true);
        table.forget(); // a recording starts: its first period must not hold these two
        recording.set(true);
        counts.add(String.class, 30, 5, 1, false);
        counts.add(null, 7, 0, 0, false);
        table.emit();
        counts.add(Integer.class, 4, 0, 0, false);

        assertEquals(Set.of(String.class.getName(), Integer.class.getName()), withoutOther(table.totalNames()));
        assertEquals(3, table.total(String.class.getName(), ThreadCounts.CALLS));
        assertEquals(60, table.total(String.class.getName(), ThreadCounts.BYTES));
        assertEquals(5, table.total(String.class.getName(), ThreadCounts.NANOS));
        assertEquals(1, table.total(String.class.getName(), ThreadCounts.FAILURES));
        assertEquals(7, table.total(null, ThreadCounts.BYTES));
        assertEquals(1, table.total(Integer.class.getName(), ThreadCounts.CALLS));
        assertEquals(0, table.total("com.acme.Never", ThreadCounts.CALLS));
    }

    @Test
    void classesPastTheCapAddUpInTheOtherTotal() {
        StatisticsTable table = new StatisticsTable("read", "java", () -> false);
        int classes = 0;
        // 600 distinct root classes (arrays of 1 to 200 dimensions of three types), 60 per thread's counts.
        ThreadCounts counts = null;
        for (Class<?> component : new Class<?>[] {String.class, Integer.class, Long.class}) {
            for (int dimensions = 1; dimensions <= 200; dimensions++) {
                if (classes % 60 == 0) {
                    counts = table.register();
                }
                counts.add(Array.newInstance(component, new int[dimensions]).getClass(), 2, 0, 0, false);
                classes++;
            }
        }
        Set<String> names = table.totalNames();
        long calls = 0;
        for (String name : names) {
            calls += table.total(name, ThreadCounts.CALLS);
        }
        assertEquals(StatisticsTable.TOTAL_CLASSES + 1, names.size(), "500 classes and the other total");
        assertEquals(classes, calls, "every call counted once");
        assertEquals(2L * (classes - StatisticsTable.TOTAL_CLASSES), table.total(null, ThreadCounts.BYTES));
    }

    private static Set<String> withoutOther(Set<String> names) {
        names.remove(null);
        return names;
    }
}
