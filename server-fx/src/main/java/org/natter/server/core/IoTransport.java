package org.natter.server.core;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Which Netty transport the process uses: Linux's native epoll when its library loads (fewer system calls and
 * less garbage per read and write than NIO), else Java's NIO. Chosen once per process; the server logs the choice
 * at start and the load tool prints it.
 */
public enum IoTransport {
    EPOLL, NIO;

    private static final IoTransport BEST = Epoll.isAvailable() ? EPOLL : NIO;

    /** Epoll on Linux (x86-64), NIO elsewhere or when the native library cannot load. */
    public static IoTransport best() {
        return BEST;
    }

    public IoHandlerFactory handlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** For the log: "epoll" or "nio", and why NIO when epoll was not available on Linux. */
    public String describe() {
        if (this == EPOLL) {
            return "epoll (native)";
        }
        Throwable why = Epoll.unavailabilityCause();
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && why != null ? "nio (epoll unavailable: " + why.getMessage() + ")" : "nio";
    }
}
