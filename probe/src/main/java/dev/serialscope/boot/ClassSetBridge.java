package dev.serialscope.boot;

/**
 * What the advice inlined into ObjectInputStream.filterCheck calls: the counterpart of {@link Bridge}
 * for the set of classes deserialized per channel. Loaded by the bootstrap loader. The idle path is one
 * volatile read ({@link #active}); the call into the agent is guarded, and a hook that fails is switched
 * off for good and reported once.
 */
public final class ClassSetBridge {

    /** True while a recording wants the Deserialized Class or Deserialization Limits events. */
    public static volatile boolean active;

    private static volatile Hooks hooks;
    private static volatile boolean broken;

    private ClassSetBridge() {
    }

    public static void install(Hooks classSetHooks) {
        hooks = classSetHooks;
    }

    /** Applies what the running recordings ask for, unless the hook was switched off. */
    public static void activate(boolean classSet) {
        active = classSet && !broken && hooks != null;
    }

    /**
     * The stream's serial filter, if it has one, let {@code type} (null for a back-reference) through, at
     * these counters of the stream.
     */
    public static void checked(Object stream, Class<?> type, int arrayLength, long depth, long references) {
        try {
            hooks.checked(stream, type, arrayLength, depth, references);
        } catch (Throwable t) {
            broken = true;
            active = false;
            try {
                hooks.hookFailed("ObjectInputStream.filterCheck", t);
            } catch (Throwable ignored) {
                // Reporting is best effort; the hook is already off.
            }
        }
    }

    /** Implemented by the agent; see the static methods of the same names. */
    public interface Hooks {

        void checked(Object stream, Class<?> type, int arrayLength, long depth, long references) throws Throwable;

        /** A hook failed and has been switched off; report it once. */
        void hookFailed(String hook, Throwable failure);
    }
}
