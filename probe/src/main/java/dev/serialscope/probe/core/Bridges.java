package dev.serialscope.probe.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one way hooks reach a bridge class in the bootstrap loader (dev.serialscope.boot). Each
 * bridge keeps its hooks in a static field and the same promise: an idle path of one volatile read,
 * every call into the agent guarded, a failing hook switched off for good and reported once.
 *
 * <p>Test seam: the fault-injection agent of the end-to-end tests (built from probe/src/test, never
 * part of the agent jar) decorates every installed hooks object through {@link #decorateInstalled}.
 */
public final class Bridges {

    /** Wraps a bridge's hooks, e.g. to make one of them throw. */
    public interface Decorator {
        <T> T decorate(Class<T> hooksType, T hooks);
    }

    private record Installed<T>(Class<T> hooksType, T hooks, Consumer<? super T> bridge) {
        void reinstall(Decorator decorator) {
            bridge.accept(decorator.decorate(hooksType, hooks));
        }
    }

    private static final List<Installed<?>> INSTALLED = new CopyOnWriteArrayList<>();

    private Bridges() {
    }

    /** Hands {@code hooks} to a bridge, e.g. {@code install(ProbeHooks.class, probe, Bridge::install)}. */
    public static <T> void install(Class<T> hooksType, T hooks, Consumer<? super T> bridge) {
        bridge.accept(hooks);
        INSTALLED.add(new Installed<>(hooksType, hooks, bridge));
    }

    public static void decorateInstalled(Decorator decorator) {
        for (Installed<?> installed : INSTALLED) {
            installed.reinstall(decorator);
        }
    }
}
