package dev.serialscope.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One Java RMI call: on the client, one {@code UnicastRef.invoke} of a remote method; on the
 * server, one {@code UnicastServerRef.dispatch}. Field names never change.
 */
@Name(RmiCallEvent.NAME)
@Label("RMI Call")
@Category({"Java Application", "Serialization", "IPC"})
@Description("A Java RMI call on the client (invoke) or the server (dispatch): remote interface, method, endpoint, and the bytes of the arguments and the result on the connection")
@StackTrace(true)
public final class RmiCallEvent extends Event {

    public static final String NAME = "serialscope.RmiCall";
    public static final String CLIENT = "client";
    public static final String SERVER = "server";

    @Label("Side")
    @Description("client (the caller's invoke) or server (the remote object's dispatch)")
    public String side;

    @Label("Remote Interface")
    @Description("Interface that declares the remote method; on the server, the remote object's class when the method is not known (skeleton calls such as the registry's and DGC's)")
    public Class<?> remoteInterface;

    @Label("Method")
    @Description("Name of the remote method; empty when not known")
    public String method;

    @Label("Endpoint")
    @Description("The connection's peer, named like channels: socket <address>:<port> (on the server, the client's address and port)")
    public String endpoint;

    @Label("Argument Bytes")
    @Description("Client: bytes the call sent on its connection (RMI call header and serialized arguments). Server: bytes the call's input stream read (method hash and arguments, Strings read through RMI's private path included); -1 when unknown")
    @DataAmount
    public long argumentBytes;

    @Label("Result Bytes")
    @Description("Client: bytes the call received on its connection (return header and serialized result or exception). Server: bytes the dispatch wrote to the connection; -1 when unknown")
    @DataAmount
    public long resultBytes;

    @Label("Failure")
    @Description("Class of the exception: on the client, what invoke threw; on the server, what the remote method (or unmarshalling) threw and was sent back to the client; empty otherwise")
    public String failure;
}
