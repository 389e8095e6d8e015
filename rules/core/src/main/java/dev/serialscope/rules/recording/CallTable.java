package dev.serialscope.rules.recording;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;
import java.util.function.ToLongFunction;

import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * The per-call events of one type, oldest first, as columns: one primitive array per field, and class names, call
 * sites and channels as indexes into a table of distinct names. Millions of calls are then a few dozen arrays
 * instead of millions of objects that the garbage collector has to trace and copy, and the rules tally and match
 * calls by row number and name index instead of through maps of boxed keys. As a list it gives one {@link Call}
 * per row, made on demand, for code that handles a few calls.
 */
public final class CallTable extends AbstractList<Call> implements RandomAccess {

    /** The columns that hold names, by which calls are tallied. */
    public enum Key {
        ROOT_CLASS, SITE, CHANNEL, STORE
    }

    /** The store of a call made outside any data-grid map or other store. */
    public static final String NO_STORE = "";

    /** The recorded columns; the call sites may be replaced (see {@link #withSites}). */
    private final Columns columns;
    private final int[] site;
    private final String[] siteNames;
    /** The library the application called at each site, by site index; null when it called serialization itself. */
    private final Library[] siteLibraries;
    private final String[] classNames;
    private final String[] channelNames;
    private final String[] frameworkNames;
    private final String[] storeNames;

    private CallTable(Columns columns, int[] site, String[] siteNames) {
        this.columns = columns;
        this.site = site;
        this.siteNames = siteNames;
        siteLibraries = new Library[siteNames.length];
        columns.libraryOfSite.forEach((index, library) -> siteLibraries[index] = library);
        classNames = columns.classNames.toArray();
        channelNames = columns.channelNames.toArray();
        frameworkNames = columns.frameworkNames.toArray();
        storeNames = columns.storeNames.toArray();
    }

    /** Reads the per-call events of one type; the rules share one table per recording through {@link RecordingModel}. */
    static CallTable read(IItemCollection items, String eventType, CallSites callSites) {
        IItemCollection ofType = items.apply(ItemFilters.type(eventType));
        int count = 0;
        for (IItemIterable batch : ofType) {
            count += (int) batch.getItemCount();
        }
        Columns columns = new Columns(count, callSites);
        for (IItemIterable batch : ofType) {
            columns.addAll(batch);
        }
        columns.sortByStart();
        return new CallTable(columns, columns.site, columns.siteNames.toArray());
    }

    @Override
    public int size() {
        return columns.size;
    }

    @Override
    public Call get(int row) {
        return new Call(rootClass(row), columns.bytes[row], columns.classDescriptors[row], columns.classDescriptorBytes[row], columns.identity[row],
                columns.contentHash[row], channel(row), columns.streamId[row], columns.filtered[row], columns.startNanos[row], columns.durationNanos[row],
                site(row), columns.callId[row]);
    }

    public String rootClass(int row) {
        return classNames[columns.rootClass[row]];
    }

    /** The index of the row's root class among {@link #classNames()}. */
    public int rootClassIndex(int row) {
        return columns.rootClass[row];
    }

    /** The distinct root classes; {@link #rootClassIndex} points into them. */
    public int classCount() {
        return classNames.length;
    }

    public String className(int index) {
        return classNames[index];
    }

    /** -1 when the stream could not be measured. */
    public long bytes(int row) {
        return columns.bytes[row];
    }

    /** Bytes for sums: an unmeasured call adds nothing rather than -1. */
    public long countedBytes(int row) {
        return Math.max(columns.bytes[row], 0);
    }

    public boolean measured(int row) {
        return columns.bytes[row] >= 0;
    }

    public int classDescriptors(int row) {
        return columns.classDescriptors[row];
    }

    /** Bytes of the class descriptors, part of bytes; -1 when not measured. */
    public long classDescriptorBytes(int row) {
        return columns.classDescriptorBytes[row];
    }

    public long identity(int row) {
        return columns.identity[row];
    }

    public long contentHash(int row) {
        return columns.contentHash[row];
    }

    public String channel(int row) {
        return channelNames[columns.channel[row]];
    }

    public long streamId(int row) {
        return columns.streamId[row];
    }

    public boolean filtered(int row) {
        return columns.filtered[row];
    }

    /** Whether the write's root is a byte array holding an earlier call's output: bytes counted already. */
    public boolean serializedOutput(int row) {
        return columns.serializedOutput[row];
    }

    /** Whether the read's stream overrides resolveClass: a class check of its own, e.g. an allow-list. */
    public boolean resolveClassOverridden(int row) {
        return columns.resolveClassOverridden[row];
    }

    public long startNanos(int row) {
        return columns.startNanos[row];
    }

    public String site(int row) {
        return siteNames[site[row]];
    }

    public long callId(int row) {
        return columns.callId[row];
    }

    /** The serializer of the call: java, kryo, jackson, protobuf ("java" in recordings that do not say). */
    public String framework(int row) {
        return frameworkNames[columns.framework[row]];
    }

    /** The data-grid map or other store whose value the call converted ("hazelcast map orders"), else {@link #NO_STORE}. */
    public String store(int row) {
        return storeNames[columns.store[row]];
    }

    /** The library the application called at the row's site; null when it called serialization itself. */
    public Library library(int row) {
        return siteLibraries[site[row]];
    }

    /** The same calls with the call site of each row chosen by {@code siteOf} (null keeps the recorded one). */
    CallTable withSites(java.util.function.IntFunction<String> siteOf) {
        Names names = new Names(siteNames);
        int[] sites = new int[columns.size];
        for (int row = 0; row < columns.size; row++) {
            String other = siteOf.apply(row);
            sites[row] = other == null ? site[row] : names.indexOf(other);
        }
        return new CallTable(columns, sites, names.toArray());
    }

    /** The rows of each root class in time order, by {@link #rootClassIndex}; only rows that {@code rows} accepts. */
    public int[][] rowsByClass(IntPredicate rows) {
        int[] counts = new int[classNames.length];
        for (int row = 0; row < columns.size; row++) {
            if (rows.test(row)) {
                counts[columns.rootClass[row]]++;
            }
        }
        int[][] byClass = new int[classNames.length][];
        for (int index = 0; index < byClass.length; index++) {
            byClass[index] = new int[counts[index]];
            counts[index] = 0;
        }
        for (int row = 0; row < columns.size; row++) {
            if (rows.test(row)) {
                byClass[columns.rootClass[row]][counts[columns.rootClass[row]]++] = row;
            }
        }
        return byClass;
    }

    /** Tallies every call by a key, with its counted bytes, largest weight first (ties by key). */
    public List<Tally> tally(Key key, ToLongFunction<Tally> weight) {
        return tally(key, row -> true, this::countedBytes, weight);
    }

    /** Tallies the rows that {@code rows} accepts by a key, with the bytes {@code bytesOf} gives each. */
    public List<Tally> tally(Key key, IntPredicate rows, IntToLongFunction bytesOf, ToLongFunction<Tally> weight) {
        int[] index = switch (key) {
        case ROOT_CLASS -> columns.rootClass;
        case SITE -> site;
        case CHANNEL -> columns.channel;
        case STORE -> columns.store;
        };
        String[] names = switch (key) {
        case ROOT_CLASS -> classNames;
        case SITE -> siteNames;
        case CHANNEL -> channelNames;
        case STORE -> storeNames;
        };
        long[] calls = new long[names.length];
        long[] sums = new long[names.length];
        long[] nanos = new long[names.length];
        for (int row = 0; row < columns.size; row++) {
            if (rows.test(row)) {
                calls[index[row]]++;
                sums[index[row]] += bytesOf.applyAsLong(row);
                nanos[index[row]] += columns.durationNanos[row];
            }
        }
        return Tally.of(names, calls, sums, nanos, weight);
    }

    /** Distinct names in order of first appearance, each with its index. */
    private static final class Names {
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        Names() {
        }

        Names(String[] initial) {
            for (String name : initial) {
                indexOf(name);
            }
        }

        int indexOf(String name) {
            Integer index = indexes.get(name);
            if (index == null) {
                index = names.size();
                indexes.put(name, index);
                names.add(name);
            }
            return index;
        }

        String[] toArray() {
            return names.toArray(new String[0]);
        }
    }

    /** The number of rows: set by the super constructor, before the initializers of the columns allocate them. */
    private abstract static class Rows {
        final int size;

        Rows(int size) {
            this.size = size;
        }
    }

    /**
     * The columns, one array per field, filled in the order the parser gives the events and then put in start time
     * order. Each column is declared once, with its allocation; {@link #sortByStart} reorders them all.
     */
    private static final class Columns extends Rows {
        private int filled;
        private final List<Object> all = new ArrayList<>();
        private final int[] rootClass = ints();
        private final Names classNames = new Names();
        private final long[] bytes = longs();
        private final int[] classDescriptors = ints();
        private final long[] classDescriptorBytes = longs();
        private final long[] identity = longs();
        private final long[] contentHash = longs();
        private final int[] channel = ints();
        private final Names channelNames = new Names();
        private final long[] streamId = longs();
        private final boolean[] filtered = booleans();
        private final boolean[] resolveClassOverridden = booleans();
        private final boolean[] serializedOutput = booleans();
        private final long[] startNanos = longs();
        private final long[] durationNanos = longs();
        private final int[] site = ints();
        private final Names siteNames = new Names();
        private final long[] callId = longs();
        private final int[] framework = ints();
        private final Names frameworkNames = new Names();
        private final int[] store = ints();
        private final Names storeNames = new Names();
        /** Events share class and stack trace objects through the constant pool: name each one once. */
        private final Map<IMCType, Integer> classOfType = new IdentityHashMap<>();
        private final Map<IMCStackTrace, Integer> siteOfTrace = new IdentityHashMap<>();
        private final Map<Integer, Library> libraryOfSite = new HashMap<>();
        private final QuantityConverter bytesInBytes = new QuantityConverter(UnitLookup.BYTE);
        private final QuantityConverter descriptorCount = new QuantityConverter(UnitLookup.NUMBER_UNITY);
        private final QuantityConverter descriptorBytesInBytes = new QuantityConverter(UnitLookup.BYTE);
        private final QuantityConverter startInNanos = new QuantityConverter(UnitLookup.EPOCH_NS);
        private final QuantityConverter durationInNanos = new QuantityConverter(UnitLookup.NANOSECOND);

        private final CallSites callSites;

        Columns(int size, CallSites callSites) {
            super(size);
            this.callSites = callSites;
        }

        /**
         * Adds the events of one batch; a field missing from the recording reads as its default. Each field is read
         * at its own call site: JMC has one accessor class per field position, and one shared call site (a helper
         * method) would see them all and call each through a slow megamorphic dispatch.
         */
        void addAll(IItemIterable batch) {
            IType<IItem> type = batch.getType();
            IMemberAccessor<IMCType, IItem> rootClassField = field(SerialScopeEvents.ROOT_CLASS, type);
            IMemberAccessor<IQuantity, IItem> bytesField = field(SerialScopeEvents.BYTES, type);
            IMemberAccessor<IQuantity, IItem> descriptorsField = field(SerialScopeEvents.CLASS_DESCRIPTORS, type);
            IMemberAccessor<IQuantity, IItem> descriptorBytesField =
                    field(SerialScopeEvents.CLASS_DESCRIPTOR_BYTES, type);
            IMemberAccessor<Number, IItem> identityField = field(SerialScopeEvents.IDENTITY, type);
            IMemberAccessor<Number, IItem> contentHashField = field(SerialScopeEvents.CONTENT_HASH, type);
            IMemberAccessor<String, IItem> channelField = field(SerialScopeEvents.CHANNEL, type);
            IMemberAccessor<Number, IItem> streamIdField = field(SerialScopeEvents.STREAM_ID, type);
            IMemberAccessor<Boolean, IItem> filteredField = field(SerialScopeEvents.FILTERED, type);
            IMemberAccessor<Boolean, IItem> overriddenField = field(SerialScopeEvents.RESOLVE_CLASS_OVERRIDDEN, type);
            IMemberAccessor<Boolean, IItem> serializedOutputField = field(SerialScopeEvents.SERIALIZED_OUTPUT, type);
            IMemberAccessor<IQuantity, IItem> startField = field(JfrAttributes.START_TIME, type);
            IMemberAccessor<IQuantity, IItem> durationField = field(JfrAttributes.DURATION, type);
            IMemberAccessor<IMCStackTrace, IItem> stackTraceField = field(JfrAttributes.EVENT_STACKTRACE, type);
            IMemberAccessor<Number, IItem> callIdField = field(SerialScopeEvents.CALL_ID, type);
            IMemberAccessor<String, IItem> frameworkField = field(SerialScopeEvents.FRAMEWORK, type);
            IMemberAccessor<String, IItem> storeField = field(SerialScopeEvents.STORE, type);
            for (IItem item : batch) {
                int row = filled++;
                IMCType rootType = rootClassField.getMember(item);
                rootClass[row] = rootType == null ? classNames.indexOf(Call.NO_OBJECT)
                        : classOfType.computeIfAbsent(rootType,
                                t -> classNames.indexOf(Composition.stableName(t.getFullName())));
                bytes[row] = bytesInBytes.toLong(bytesField.getMember(item), -1);
                classDescriptors[row] = (int) descriptorCount.toLong(descriptorsField.getMember(item), 0);
                classDescriptorBytes[row] = descriptorBytesInBytes.toLong(descriptorBytesField.getMember(item), -1);
                identity[row] = EventFields.rawLong(identityField.getMember(item));
                contentHash[row] = EventFields.rawLong(contentHashField.getMember(item));
                String channelName = channelField.getMember(item);
                channel[row] = channelNames.indexOf(channelName == null || channelName.isEmpty() ? "unknown"
                        : channelName);
                streamId[row] = EventFields.rawLong(streamIdField.getMember(item));
                Boolean wasFiltered = filteredField.getMember(item);
                filtered[row] = wasFiltered != null && wasFiltered;
                Boolean overridden = overriddenField.getMember(item);
                resolveClassOverridden[row] = overridden != null && overridden;
                Boolean output = serializedOutputField.getMember(item);
                serializedOutput[row] = output != null && output;
                startNanos[row] = startInNanos.toLong(startField.getMember(item), 0);
                durationNanos[row] = durationInNanos.toLong(durationField.getMember(item), 0);
                IMCStackTrace trace = stackTraceField.getMember(item);
                site[row] = trace == null ? siteNames.indexOf(CallSites.UNKNOWN)
                        : siteOfTrace.computeIfAbsent(trace, this::siteIndex);
                callId[row] = EventFields.rawLong(callIdField.getMember(item));
                String frameworkName = frameworkField.getMember(item);
                framework[row] = frameworkNames.indexOf(frameworkName == null || frameworkName.isEmpty() ? "java"
                        : frameworkName);
                String storeName = storeField.getMember(item);
                store[row] = storeNames.indexOf(storeName == null ? NO_STORE : storeName);
            }
        }

        private int siteIndex(IMCStackTrace trace) {
            CallSites.Place place = callSites.place(trace);
            int index = siteNames.indexOf(place.site());
            if (place.library() != null) {
                libraryOfSite.put(index, place.library());
            }
            return index;
        }

        /** The attribute's accessor, or one that gives null when the type does not have the field. */
        private static <T> IMemberAccessor<T, IItem> field(IAttribute<T> attribute, IType<IItem> type) {
            IMemberAccessor<T, IItem> accessor = attribute.getAccessor(type);
            return accessor != null ? accessor : item -> null;
        }

        /** Puts the rows in start time order; rows that start together keep the parser's order. */
        void sortByStart() {
            int[] order = new int[size];
            for (int row = 0; row < size; row++) {
                order[row] = row;
            }
            mergeSort(order, new int[size], 0, size);
            permute(order);
        }

        /** A stable merge sort of row numbers by start time. */
        private void mergeSort(int[] rows, int[] scratch, int from, int to) {
            if (to - from < 2) {
                return;
            }
            int middle = (from + to) >>> 1;
            mergeSort(rows, scratch, from, middle);
            mergeSort(rows, scratch, middle, to);
            if (startNanos[rows[middle - 1]] <= startNanos[rows[middle]]) {
                return;
            }
            System.arraycopy(rows, from, scratch, from, to - from);
            int left = from;
            int right = middle;
            for (int out = from; out < to; out++) {
                if (right >= to || left < middle && startNanos[scratch[left]] <= startNanos[scratch[right]]) {
                    rows[out] = scratch[left++];
                } else {
                    rows[out] = scratch[right++];
                }
            }
        }

        private int[] ints() {
            return column(new int[size]);
        }

        private long[] longs() {
            return column(new long[size]);
        }

        private boolean[] booleans() {
            return column(new boolean[size]);
        }

        private <T> T column(T array) {
            all.add(array);
            return array;
        }

        private void permute(int[] order) {
            for (Object column : all) {
                if (column instanceof int[] ints) {
                    permute(order, ints);
                } else if (column instanceof long[] longs) {
                    permute(order, longs);
                } else {
                    boolean[] flags = (boolean[]) column;
                    boolean[] copy = flags.clone();
                    for (int row = 0; row < order.length; row++) {
                        flags[row] = copy[order[row]];
                    }
                }
            }
        }

        private static void permute(int[] order, int[] column) {
            int[] copy = column.clone();
            for (int row = 0; row < order.length; row++) {
                column[row] = copy[order[row]];
            }
        }

        private static void permute(int[] order, long[] column) {
            long[] copy = column.clone();
            for (int row = 0; row < order.length; row++) {
                column[row] = copy[order[row]];
            }
        }
    }
}
