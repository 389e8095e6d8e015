package dev.serialscope.rules.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * The RMI call (serialscope.RmiCall) a serialization call belongs to. RMI marshals arguments on the
 * client and results on the server with ObjectOutputStream on the call's connection, so a
 * serialization event whose channel is an RMI call's endpoint and that started within that call
 * belongs to it. Its stack shows only RMI's machinery (UnicastRef.marshalValue, the transport's
 * threads), so the rules name the remote method instead: {@code com.example.Store.put (RMI client)}.
 */
public final class RmiMethods {

    /** Suffixes of the call site text of serialization calls made by RMI. */
    public static final String CLIENT = " (RMI client)";
    public static final String SERVER = " (RMI server)";

    /** Why RMI traffic deserves a look, for the rules' explanations. */
    public static final String EXPLANATION = " RMI marshals every argument and result with Java serialization "
            + "on a fresh stream state per call (class descriptors are resent, nothing is shared between calls), so "
            + "the same object passed to a remote method again costs its full size every time; JMC's own socket "
            + "rules leave RMI's connections out, so this cost shows up nowhere else.";

    /** One RMI call: when, which method, and its argument plus result bytes. */
    private record Span(long start, long end, String label, long bytes) {
    }

    private final Map<String, List<Span>> byEndpoint;

    private RmiMethods(Map<String, List<Span>> byEndpoint) {
        this.byEndpoint = byEndpoint;
    }

    public static RmiMethods of(IItemCollection items) {
        Map<String, List<Span>> spans = new HashMap<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.RMI_CALL))) {
            IMemberAccessor<String, IItem> endpoint = EventFields.accessor(SerialScopeEvents.ENDPOINT, batch.getType());
            IMemberAccessor<String, IItem> side = EventFields.accessor(SerialScopeEvents.SIDE, batch.getType());
            IMemberAccessor<String, IItem> method = EventFields.accessor(SerialScopeEvents.METHOD, batch.getType());
            IMemberAccessor<IMCType, IItem> remote = EventFields.accessor(SerialScopeEvents.REMOTE_INTERFACE, batch.getType());
            IMemberAccessor<IQuantity, IItem> start = EventFields.accessor(JfrAttributes.START_TIME, batch.getType());
            IMemberAccessor<IQuantity, IItem> end = EventFields.accessor(JfrAttributes.END_TIME, batch.getType());
            IMemberAccessor<IQuantity, IItem> arguments =
                    EventFields.accessor(SerialScopeEvents.ARGUMENT_BYTES, batch.getType());
            IMemberAccessor<IQuantity, IItem> results = EventFields.accessor(SerialScopeEvents.RESULT_BYTES, batch.getType());
            for (IItem item : batch) {
                String channel = EventFields.get(endpoint, item);
                if (channel == null || channel.isEmpty()) {
                    continue;
                }
                spans.computeIfAbsent(channel, k -> new ArrayList<>()).add(new Span(
                        EventFields.longValue(EventFields.get(start, item), UnitLookup.EPOCH_NS, 0),
                        EventFields.longValue(EventFields.get(end, item), UnitLookup.EPOCH_NS, 0),
                        label(EventFields.get(remote, item), EventFields.get(method, item), EventFields.get(side, item)),
                        Math.max(0, EventFields.longValue(EventFields.get(arguments, item), UnitLookup.BYTE, 0))
                                + Math.max(0, EventFields.longValue(EventFields.get(results, item), UnitLookup.BYTE, 0))));
            }
        }
        spans.values().forEach(list -> list.sort(Comparator.comparingLong(Span::start)));
        return new RmiMethods(spans);
    }

    private static String label(IMCType remote, String method, String side) {
        String type = remote == null ? "(unknown remote object)" : remote.getFullName();
        String name = method == null || method.isEmpty() ? type : type + "." + method;
        return name + ("server".equals(side) ? SERVER : CLIENT);
    }

    public boolean isEmpty() {
        return byEndpoint.isEmpty();
    }

    /**
     * The RMI method of a call on {@code channel} that started at {@code startNanos}, e.g.
     * {@code com.example.Store.put (RMI client)}; null outside RMI.
     */
    public String methodOf(String channel, long startNanos) {
        List<Span> spans = byEndpoint.get(channel);
        if (spans == null) {
            return null;
        }
        String found = null;
        for (Span span : spans) {
            if (span.start() > startNanos) {
                break;
            }
            if (startNanos <= span.end()) {
                found = span.label();
            }
        }
        return found;
    }

    /** The calls with the RMI method as their call site where they were made by RMI; the same table without RMI. */
    public static CallTable relabel(IItemCollection items, CallTable calls) {
        RmiMethods rmi = of(items);
        if (rmi.isEmpty()) {
            return calls;
        }
        return calls.withSites(row -> rmi.methodOf(calls.channel(row), calls.startNanos(row)));
    }

    /** Argument plus result bytes of the RMI calls on {@code channel}, per method label. */
    public Map<String, Long> bytesByMethod(String channel) {
        Map<String, Long> sums = new HashMap<>();
        for (Span span : byEndpoint.getOrDefault(channel, List.of())) {
            sums.merge(span.label(), span.bytes(), Long::sum);
        }
        return sums;
    }

    /** Whether a call site text names an RMI method. */
    public static boolean isRmi(String site) {
        return site != null && (site.endsWith(CLIENT) || site.endsWith(SERVER));
    }
}
