package dev.serialscope.rules.analysis;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Library;

/**
 * The library that made a finding's calls, when one did: advice is engine-aware only where the pattern is
 * unambiguous, so the library must account for more than half of the finding's bytes (and of its calls, when the
 * bytes are zero); otherwise the application's own advice holds.
 */
public final class ServingLibrary {

    private ServingLibrary() {
    }

    /** The library of most of the bytes that {@code bytesOf} gives the rows {@code rows} accepts; null if none. */
    public static Library of(CallTable calls, IntPredicate rows, IntToLongFunction bytesOf) {
        Map<Library, long[]> byLibrary = new IdentityHashMap<>();
        long allBytes = 0;
        long allCalls = 0;
        for (int row = 0; row < calls.size(); row++) {
            if (!rows.test(row)) {
                continue;
            }
            long bytes = bytesOf.applyAsLong(row);
            allBytes += bytes;
            allCalls++;
            Library library = calls.library(row);
            if (library != null) {
                long[] sum = byLibrary.computeIfAbsent(library, key -> new long[2]);
                sum[0] += bytes;
                sum[1]++;
            }
        }
        for (Map.Entry<Library, long[]> entry : byLibrary.entrySet()) {
            long[] sum = entry.getValue();
            if (allBytes > 0 ? 2 * sum[0] > allBytes : 2 * sum[1] > allCalls) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The library of most of the bytes of all the calls. */
    public static Library of(CallTable calls) {
        return of(calls, row -> true, calls::countedBytes);
    }
}
