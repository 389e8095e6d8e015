package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;
import jdk.jfr.StackTrace;

/**
 * One read or write on a socket, socket channel, process pipe, standard stream or file that moved
 * at least the {@code operationThreshold} bytes or took at least its time. Field names never change.
 */
@Name(ChannelIoEvent.NAME)
@Label("Channel I/O")
@Category({"Java Application", "Serialization", "IPC"})
@Description("A single read or write on a socket, socket channel, process pipe, standard stream or file that passed the operation threshold, with the serialization call (if any) that produced or consumed the bytes")
@StackTrace(true)
public final class ChannelIoEvent extends Event {

    public static final String NAME = "serialscope.ChannelIO";

    @Label("Channel")
    @Description("socket <address>:<port>, socket <path>, pipe (child pid <pid>), stdin, stdout, stderr, file <path> or file descriptor: the same names as the channel field of Serialization events")
    public String channel;

    @Label("Direction")
    @Description("write or read")
    public String direction;

    @Label("Bytes")
    @Description("Bytes the operation wrote (read); 0 at end of stream or when it failed")
    @DataAmount
    public long bytes;

    @Label("Framework")
    @Description("Serialization library of the call in progress on this thread when the bytes moved: java, kryo, jackson or protobuf; empty when no serialization call was in progress")
    public String framework;

    @Label("Root Class")
    @Description("Class of the object being serialized when the bytes were written (for java: by writeObject, or the last object written when an ObjectOutputStream flush sends them); empty for reads, whose object is not known yet, and outside serialization")
    public Class<?> rootClass;

    @Label("Failure")
    @Description("Class of the exception the operation threw, empty otherwise")
    public String failure;

    @Label("Operation Threshold")
    @Description("Write the event when the operation moved at least this many bytes or took at least this long, e.g. 64 KiB or 10 ms; 0 B writes every operation")
    @Name("operationThreshold")
    @SettingDefinition
    protected boolean operationThreshold(ChannelIoThreshold setting) {
        return true;
    }
}
