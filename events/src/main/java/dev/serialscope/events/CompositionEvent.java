package dev.serialscope.events;

import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;
import jdk.jfr.StackTrace;

/**
 * The fields of {@link SerializationCompositionEvent}, and its {@code maxDepth} setting: each class
 * of the hierarchy declares one setting, because JDK 25 mismatches the setting methods of an event
 * class that declares more than one.
 */
@StackTrace(false)
public abstract class CompositionEvent extends Event {

    @Label("Call Id")
    @Description("The callId of the serialscope.Serialization event of the traced call")
    public long callId;

    @Label("Root Class")
    @Description("Class of the top-level object of the traced call")
    public Class<?> rootClass;

    @Label("Root Class Name")
    @Description("Name of the root class as it reads in every run: a lambda class is Owner$$Lambda, without the suffix the JVM gives a hidden class")
    public String rootClassName;

    @Label("Path")
    @Description("Field path from the root, e.g. config.settings; [0-9] groups array elements by index, <contents> what a custom writeObject or writeExternal wrote")
    public String path;

    @Label("Level")
    @Description("Number of steps from the root: 1 for the root's own fields")
    public int level;

    @Label("Declaring Class")
    @Description("Class that declares the field (or whose writeObject/writeExternal wrote the contents, or the array class)")
    public Class<?> declaringClass;

    @Label("Field")
    @Description("Field name, array index range, or <contents>")
    public String field;

    @Label("Value Class")
    @Description("Class of the object held there (of the largest one when several share the path)")
    public Class<?> valueClass;

    @Label("Value Class Name")
    @Description("Name of the value class as it reads in every run (Owner$$Lambda for a lambda class)")
    public String valueClassName;

    @Label("Bytes")
    @Description("Bytes written for the objects on this path, everything below them and their class descriptors included")
    @DataAmount
    public long bytes;

    @Label("Objects")
    @Description("New objects written on and below this path (stream handles, as in serialscope.Serialization)")
    public int objects;

    @Label("Count")
    @Description("Objects on this path in this call: 1 for a field, more for array elements or contents")
    public int count;

    @Label("Identity")
    @Description("Identity hash code of the object on this path when Count is 1, else 0: the same value in many calls means the same object sent again")
    public long identity;

    @Label("Heavy Path")
    @Description("On the heaviest path of the call: from the root, the child whose largest object holds at least half of its parent's, "
            + "followed below Max Depth (to 32 levels) until the bytes split or a leaf is reached")
    public boolean heavyPath;

    @Label("Max Depth")
    @Description("Field levels below the root that are attributed, 1 to 8")
    @Name("maxDepth")
    @SettingDefinition
    protected boolean maxDepth(CompositionDepth setting) {
        return true;
    }
}
