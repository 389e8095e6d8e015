package dev.serialscope.probe.core;

import dev.serialscope.events.ProbeErrorEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tells the user, once per hook, that a hook of ours failed and was switched off. */
public final class ProbeErrors {

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public void report(String hook, Throwable failure) {
        if (!reported.add(hook)) {
            return;
        }
        System.err.println("[serialscope] the " + hook + " hook failed and was switched off; the application is not affected: "
                + failure.getClass().getName());
        if (Boolean.getBoolean("serialscope.debug")) {
            failure.printStackTrace();
        }
        ProbeErrorEvent event = new ProbeErrorEvent();
        event.hook = hook;
        event.exception = failure.getClass().getName();
        event.commit();
    }
}
