package dev.serialscope.probe.ipc;

import dev.serialscope.probe.core.Channels;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Names the channel of the object an I/O hook fired on (a socket implementation, a socket channel
 * or a file stream) exactly as the channel field of Serialization events names the stream on top of
 * it: {@code socket <ip>:<port>} for the peer, {@code socket <path>} for Unix-domain sockets, and
 * the core agent's names for file streams (pipes to child processes, standard streams, files).
 * Only addresses, pids and paths are read, never data.
 */
final class ChannelNames {

    private static final VarHandle IMPL_ADDRESS;
    private static final VarHandle IMPL_PORT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(SocketImpl.class, MethodHandles.lookup());
            IMPL_ADDRESS = lookup.findVarHandle(SocketImpl.class, "address", InetAddress.class);
            IMPL_PORT = lookup.findVarHandle(SocketImpl.class, "port", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Channels streams;

    ChannelNames(Channels streams) {
        this.streams = streams;
    }

    String of(Object channel) throws Exception {
        if (channel instanceof SocketImpl) {
            return socket((InetAddress) IMPL_ADDRESS.get(channel), (int) IMPL_PORT.get(channel));
        }
        if (channel instanceof SocketChannel) {
            SocketChannel socketChannel = (SocketChannel) channel;
            SocketAddress remote = socketChannel.getRemoteAddress();
            if (remote instanceof UnixDomainSocketAddress) {
                String path = ((UnixDomainSocketAddress) remote).getPath().toString();
                if (path.isEmpty()) {
                    // The accepting side of a Unix-domain socket sees an unnamed peer: name the socket file.
                    SocketAddress local = socketChannel.getLocalAddress();
                    path = local instanceof UnixDomainSocketAddress ? ((UnixDomainSocketAddress) local).getPath().toString() : "";
                }
                return "socket " + path;
            }
            if (remote instanceof InetSocketAddress) {
                InetSocketAddress inet = (InetSocketAddress) remote;
                return socket(inet.getAddress(), inet.getPort());
            }
            return "socket " + remote;
        }
        if (channel instanceof FileOutputStream || channel instanceof FileInputStream) {
            return streams.nameOf(channel);
        }
        return "unknown (" + channel.getClass().getName() + ")";
    }

    /** The same text as the core agent's socket names: the remote address, IPv6 in brackets. */
    static String socket(InetAddress address, int port) {
        if (address == null) {
            return "socket unconnected";
        }
        String host = address.getHostAddress();
        return "socket " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
