package dev.serialscope.probe.framework;

import dev.serialscope.boot.FrameworkBridge;

/** The frameworks installed so far, numbered in order, with their names as the {@code framework} field of the events spells them. */
final class Frameworks {

    private final String[] names = new String[FrameworkBridge.MAX_FRAMEWORKS];
    private int count;

    /** The new framework's number. */
    synchronized int add(String name) {
        if (count == names.length) {
            throw new IllegalStateException("more than " + names.length + " frameworks");
        }
        names[count] = name;
        return count++;
    }

    String name(int framework) {
        return names[framework];
    }
}
