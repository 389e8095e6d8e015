package dev.serialscope.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;

/**
 * Icicle graphs of serialized bytes, as inline SVG: by call stack (the application's frames of each
 * per-call event, outermost on top, the agent's and the JDK's serialization frames folded away, the
 * root class at the bottom) and by field path (root class, then its fields, level by level, from the
 * Serialization Composition events). The width of a box is its share of the bytes; hovering shows
 * the numbers.
 */
final class FlameGraph {

    private static final int WIDTH = 1000;
    private static final int ROW = 18;
    private static final int MAX_ROWS = 40;
    /** Roughly the width of one character of the 11px labels. */
    private static final double CHAR_WIDTH = 6.4;

    /** One box: a frame, a root class or a field path. */
    static final class Node {
        final String label;
        final String detail;
        final boolean leaf;
        long bytes;
        long calls;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String label, String detail, boolean leaf) {
            this.label = label;
            this.detail = detail;
            this.leaf = leaf;
        }

        Node child(String key, String label, String detail, boolean leaf) {
            return children.computeIfAbsent(key, k -> new Node(label, detail, leaf));
        }

        int depth() {
            return 1 + children.values().stream().mapToInt(Node::depth).max().orElse(0);
        }
    }

    /** Both graphs of one recording. */
    record Graphs(Node byStack, Node byFieldPath) {

        static Graphs of(RecordingModel recording) {
            return new Graphs(FlameGraph.byStack(recording), FlameGraph.byFieldPath(recording.compositions(),
                    recording.calls(SerialScopeEvents.SERIALIZATION)));
        }
    }

    private FlameGraph() {
    }

    /** Bytes written by call stack, from the serialscope.Serialization events with stack traces. */
    static Node byStack(IItemCollection items) {
        Node root = new Node("all serialization calls", "every per-call event", false);
        Map<IMCStackTrace, List<IMCFrame>> folded = new HashMap<>();
        for (IItemIterable batch : items.apply(ItemFilters.type(SerialScopeEvents.SERIALIZATION))) {
            IMemberAccessor<IMCStackTrace, IItem> stack = JfrAttributes.EVENT_STACKTRACE.getAccessor(batch.getType());
            IMemberAccessor<IQuantity, IItem> bytes = SerialScopeEvents.BYTES.getAccessor(batch.getType());
            var rootClass = SerialScopeEvents.ROOT_CLASS.getAccessor(batch.getType());
            for (IItem item : batch) {
                long size = bytes == null || bytes.getMember(item) == null ? 0
                        : Math.max(0, bytes.getMember(item).clampedLongValueIn(UnitLookup.BYTE));
                IMCStackTrace trace = stack == null ? null : stack.getMember(item);
                List<IMCFrame> frames = trace == null ? List.of() : folded.computeIfAbsent(trace, FlameGraph::fold);
                Node node = root;
                add(node, size);
                if (trace != null && trace.getTruncationState().isTruncated()) {
                    node = node.child("(truncated)", "(truncated stack)", "the outer frames were not recorded", false);
                    add(node, size);
                }
                for (IMCFrame frame : frames) {
                    IMCMethod method = frame.getMethod();
                    String type = method.getType().getFullName();
                    node = node.child(type + "." + method.getMethodName(),
                            Composition.shortName(type) + "." + method.getMethodName(),
                            type + "." + method.getMethodName(), false);
                    add(node, size);
                }
                var type = rootClass == null ? null : rootClass.getMember(item);
                String name = type == null ? Call.NO_OBJECT : Composition.stableName(type.getFullName());
                node = node.child("class " + name, Composition.shortName(name), "root class " + name, true);
                add(node, size);
            }
        }
        return root;
    }

    /** The application frames of a stack, outermost first. */
    private static List<IMCFrame> fold(IMCStackTrace trace) {
        List<IMCFrame> frames = new ArrayList<>();
        for (IMCFrame frame : trace.getFrames()) {
            IMCMethod method = frame.getMethod();
            if (method != null && method.getType() != null && !CallSites.isMachinery(method.getType().getFullName())) {
                frames.add(frame);
            }
        }
        java.util.Collections.reverse(frames);
        return frames;
    }

    /** Bytes of the traced calls by root class and field path, from the Serialization Composition events. */
    static Node byFieldPath(List<Composition> paths, List<Call> writes) {
        Node root = new Node("all traced calls", "calls traced field by field", false);
        Map<Long, Call> byId = new HashMap<>();
        writes.stream().filter(call -> call.callId() != 0).forEach(call -> byId.put(call.callId(), call));
        Map<String, Map<Long, Boolean>> seen = new HashMap<>();
        List<Composition> ordered = new ArrayList<>(paths);
        ordered.sort(Comparator.comparingInt(Composition::level));
        for (Composition path : ordered) {
            String rootName = Composition.stableName(path.rootClass());
            Node classNode = root.child(rootName, Composition.shortName(rootName), "root class " + rootName, false);
            if (seen.computeIfAbsent(rootName, k -> new HashMap<>()).put(path.callId(), Boolean.TRUE) == null) {
                Call call = byId.get(path.callId());
                classNode.calls++;
                root.calls++;
                long bytes = call == null ? 0 : call.countedBytes();
                classNode.bytes += bytes;
                root.bytes += bytes;
            }
            String parentKey = parent(path.path());
            Node parentNode = parentKey == null ? classNode : find(classNode, parentKey);
            if (parentNode == null) {
                continue; // a path whose parent was not among the heaviest paths of its call
            }
            Node child = parentNode.child(path.path(), last(path.path()) + ": " + Composition.shortName(
                    path.valueClass()), Composition.qualify(rootName, path.path()) + " (" + path.valueClass() + ")",
                    false);
            child.bytes += path.bytes();
            child.calls++;
        }
        // Calls without their serialization event: their level-1 paths are the best estimate of their size.
        for (Node classNode : root.children.values()) {
            long children = classNode.children.values().stream().mapToLong(node -> node.bytes).sum();
            if (classNode.bytes < children) {
                root.bytes += children - classNode.bytes;
                classNode.bytes = children;
            }
        }
        return root;
    }

    private static Node find(Node classNode, String path) {
        Node node = classNode;
        List<String> prefixes = new ArrayList<>();
        for (String prefix = path; prefix != null; prefix = parent(prefix)) {
            prefixes.add(0, prefix);
        }
        for (String prefix : prefixes) {
            node = node.children.get(prefix);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** {@code a.b} of {@code a.b.c}, {@code a} of {@code a[0-9]}, null for a level-1 path. */
    static String parent(String path) {
        int cut = path.endsWith("]") ? path.lastIndexOf('[') : path.lastIndexOf('.');
        return cut <= 0 ? null : path.substring(0, cut);
    }

    private static String last(String path) {
        String parent = parent(path);
        if (parent == null) {
            return path;
        }
        return path.charAt(parent.length()) == '.' ? path.substring(parent.length() + 1) : path.substring(parent.length());
    }

    private static void add(Node node, long bytes) {
        node.bytes += bytes;
        node.calls++;
    }

    /** The graph as an inline SVG; {@code label} names it for screen readers. */
    static void appendSvg(StringBuilder html, Node root, String label, boolean warm) {
        int rows = Math.min(MAX_ROWS, root.depth());
        html.append("<svg class=\"icicle\" width=\"").append(WIDTH).append("\" height=\"").append(rows * ROW + 2)
                .append("\" role=\"img\" aria-label=\"").append(HtmlReport.escape(label)).append("\">");
        appendNode(html, root, root.bytes, 0, WIDTH, 0, warm);
        html.append("</svg>\n");
    }

    private static void appendNode(StringBuilder html, Node node, long total, double x, double width, int row,
            boolean warm) {
        if (row >= MAX_ROWS || width < 0.5) {
            return;
        }
        String share = Units.share(node.bytes, total);
        html.append(String.format(Locale.ROOT, "<g><title>%s\n%s in %s %s (%s)</title>"
                + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"/>",
                HtmlReport.escape(node.detail), Units.bytes(node.bytes), Units.count(node.calls),
                node.calls == 1 ? "call" : "calls", share, x, row * ROW, width, ROW - 1,
                color(node, row, warm)));
        int chars = (int) ((width - 6) / CHAR_WIDTH);
        if (chars >= 3) {
            String text = node.label + " " + Units.bytes(node.bytes);
            if (text.length() > chars) {
                text = node.label.length() > chars ? node.label.substring(0, Math.max(1, chars - 2)) + ".." : node.label;
            }
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 3, row * ROW + 13,
                    HtmlReport.escape(text)));
        }
        html.append("</g>");
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparingLong((Node child) -> child.bytes).reversed().thenComparing(child -> child.label));
        double childX = x;
        double scale = node.bytes == 0 ? 0 : width / node.bytes;
        for (Node child : children) {
            double childWidth = Math.min(child.bytes * scale, x + width - childX);
            appendNode(html, child, total, childX, childWidth, row + 1, warm);
            childX += childWidth;
        }
    }

    /** Warm colours for stacks, cool ones for field paths; root classes at the leaves stand out. */
    private static String color(Node node, int row, boolean warm) {
        if (row == 0) {
            return "#c8c8c8";
        }
        if (node.leaf) {
            return "#8fb3e0";
        }
        int hash = Math.floorMod(node.label.hashCode(), 40);
        return warm ? String.format(Locale.ROOT, "hsl(%d,75%%,%d%%)", 15 + hash, 62 + hash % 12)
                : String.format(Locale.ROOT, "hsl(%d,45%%,%d%%)", 150 + hash * 2, 65 + hash % 12);
    }
}
