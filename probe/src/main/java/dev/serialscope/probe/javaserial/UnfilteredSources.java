package dev.serialscope.probe.javaserial;

import java.io.ByteArrayInputStream;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * For each class read without a serial filter, the input streams it has come from, so that its first
 * read from each source gets a per-call event (with stack trace and channel) whatever the thresholds.
 * Sources are held weakly, up to {@value #MAX_SOURCES} per class: past that the class is no news.
 */
final class UnfilteredSources {

    static final int MAX_SOURCES = 16;

    private final ClassValue<Sources> byClass = new ClassValue<>() {
        @Override
        protected Sources computeValue(Class<?> type) {
            return new Sources();
        }
    };

    /**
     * Whether this is the first read of {@code rootClass} from {@code source} (null: an unknown source). Byte
     * arrays count as one source, the channel "memory": a program that reads each message from a new one
     * would otherwise have every read of a class written, up to the limit.
     */
    boolean firstFrom(Class<?> rootClass, Object source) {
        return byClass.get(rootClass).add(source instanceof ByteArrayInputStream ? ByteArrayInputStream.class : source);
    }

    private static final class Sources {
        @SuppressWarnings("unchecked")
        private volatile WeakReference<Object>[] seen = new WeakReference[0];

        boolean add(Object source) {
            if (contains(seen, source)) {
                return false;
            }
            synchronized (this) {
                WeakReference<Object>[] current = seen;
                if (current.length >= MAX_SOURCES || contains(current, source)) {
                    return false;
                }
                WeakReference<Object>[] more = Arrays.copyOf(current, current.length + 1);
                more[current.length] = new WeakReference<>(source);
                seen = more;
                return true;
            }
        }

        private static boolean contains(WeakReference<Object>[] sources, Object source) {
            for (WeakReference<Object> seenSource : sources) {
                if (seenSource.get() == source) {
                    return true;
                }
            }
            return false;
        }
    }
}
