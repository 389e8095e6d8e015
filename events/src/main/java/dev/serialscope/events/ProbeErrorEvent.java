package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The agent caught a failure in one of its own hooks and switched that hook off. */
@Name(ProbeErrorEvent.NAME)
@Label("SerialScope Probe Error")
@Category({"Java Application", "Serialization"})
@Description("A failure inside the SerialScope agent: the hook was switched off, the application was not affected")
@StackTrace(false)
public final class ProbeErrorEvent extends jdk.jfr.Event {

    public static final String NAME = "serialscope.ProbeError";

    @Label("Hook")
    @Description("The instrumentation point that failed, e.g. ObjectOutputStream.writeObject")
    public String hook;

    @Label("Exception")
    @Description("Class of the exception the agent caught")
    public String exception;
}
