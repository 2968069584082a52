package org.natter.server.core;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty side of one server run: the accepting thread, the I/O threads ({@code natter-io-*}), the listening
 * socket. Made by {@link ChatServer#start} on its lifecycle thread and shut down by {@link ChatServer#stop}.
 * Uses Linux's native epoll where it loads, NIO elsewhere ({@link IoTransport}); the choice is logged.
 */
final class ChatTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ChatTransport.class);

    /**
     * How long an I/O thread runs queued tasks (broadcasts, the sequencer's work) before it turns to its sockets
     * again. Netty's default is a second: under a stream of broadcasts a {@code ping} (or any request) would wait
     * that long to be read. The queues themselves are bounded by the backpressure ({@code DeliveryBacklog}).
     */
    private static final long TASK_QUANTUM_MILLIS = 10;

    /**
     * Buffers that go back to the system when released. Netty's default pool keeps what a burst made it grow to:
     * about 200 MB of direct memory after 19,000 logins, 10 KB per idle connection. Unpooled buffers measured the
     * same server CPU per delivery at a million deliveries a second (docs/PERFORMANCE.md, "Memory per
     * connection"), so the pool bought nothing here.
     */
    static final ByteBufAllocator CONNECTION_BUFFERS = UnpooledByteBufAllocator.DEFAULT;

    private final IoTransport transport = IoTransport.best();
    private final EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("natter-accept", true), transport.handlerFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0,
            new DefaultThreadFactory("natter-io", true), transport.handlerFactory()) {
        @Override
        protected IoEventLoop newChild(Executor executor, IoHandlerFactory handlers, Object... args) {
            return new SingleThreadIoEventLoop(this, executor, handlers, Integer.MAX_VALUE,
                    RejectedExecutionHandlers.reject(), TASK_QUANTUM_MILLIS);
        }
    };

    /** One of the I/O threads: the chat's sequencer runs there. */
    EventExecutor anyWorker() {
        return workers.next();
    }

    /** Listens on the settings' address and port; blocks until bound. */
    Channel bind(ServerSettings settings, ChannelInitializer<Channel> connections) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, CONNECTION_BUFFERS)
                .childOption(ChannelOption.ALLOCATOR, CONNECTION_BUFFERS)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.maxOutboundBytes() / 2, settings.maxOutboundBytes()))
                .childHandler(connections);
        InetSocketAddress address = settings.bindAddress().isEmpty()
                ? new InetSocketAddress(settings.port())
                : new InetSocketAddress(settings.bindAddress(), settings.port());
        Channel bound = bootstrap.bind(address).sync().channel();
        LOG.info("Listening on {} with the {} transport", bound.localAddress(), transport.describe());
        return bound;
    }

    void shutDown(long waitMillis) {
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptors.terminationFuture().awaitUninterruptibly(waitMillis);
        workers.terminationFuture().awaitUninterruptibly(waitMillis);
    }

    /** A sentence for the operator, not a stack trace. */
    static String describeBindFailure(Exception e, int requestedPort) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        String detail = cause == null ? String.valueOf(e.getMessage()) : String.valueOf(cause.getMessage());
        if (detail.contains("in use")) {
            return "Port " + requestedPort + " is already in use by another program. Choose another port, or close that program.";
        }
        if (detail.toLowerCase(Locale.ROOT).contains("permission")) {
            return "Port " + requestedPort + " needs administrator rights. Choose a port above 1024.";
        }
        return "The server could not listen on port " + requestedPort + ": " + detail;
    }
}
