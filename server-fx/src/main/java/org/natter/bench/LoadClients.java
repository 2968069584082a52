package org.natter.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.natter.server.core.IoTransport;

/**
 * The load tool's connections: a few I/O threads (one per core, at most four) carry thousands of clients, so
 * the tool costs little beside the server it measures. Closing it closes every connection.
 *
 * <p>Connections to a loopback server come from 127.0.0.1 to 127.0.0.64 in turn, so one source address never
 * runs out of ports and a server's per-address limits see fewer clients per address.
 */
final class LoadClients implements AutoCloseable {

    private static final int SOURCE_ADDRESSES = 64;
    /**
     * Longer than the protocol's line limit on purpose: with thousands of users online, a version-2 login_ok and
     * general's room frame carry every name and exceed it (version 3 sends them in pages; see docs/PERFORMANCE.md),
     * and {@code --protocol 2} measures past that.
     */
    private static final int MAX_LINE_BYTES = 4 << 20;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final InetSocketAddress server;
    private final boolean loopback;
    private final List<BenchConnection> connections = new ArrayList<>();
    private final List<Channel> pingers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * The pinger's own thread: on one of the receivers' threads its pings and pongs would wait behind thousands of
     * deliveries being read, and it would measure the tool instead of the server.
     */
    private final EventLoopGroup pingGroup;
    private final String runTag = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    private final AtomicLong framesAfterLogin = new AtomicLong();
    /** TLS for every connection, or null for plain text. */
    private final SslContext tls;

    /** @param tls connect with TLS 1.3; any certificate is accepted (a load tool, measuring, not trusting) */
    LoadClients(String host, int port, boolean tls) throws Exception {
        this.tls = tls ? SslContextBuilder.forClient().protocols("TLSv1.3")
                .trustManager(InsecureTrustManagerFactory.INSTANCE).build() : null;
        int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
        IoTransport transport = IoTransport.best();
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("bench-io", true), transport.handlerFactory());
        pingGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bench-ping", true), transport.handlerFactory());
        bootstrap = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        server = new InetSocketAddress(InetAddress.getByName(host), port);
        loopback = server.getAddress().isLoopbackAddress() && server.getAddress().getAddress().length == 4;
    }

    /** Frames other than bench messages that logged-in clients received (joins, presence, pings). */
    long framesAfterLogin() {
        return framesAfterLogin.get();
    }

    /**
     * Connects {@code count} clients and logs each in, at most {@code inFlight} at a time, and waits for all of
     * them up to the deadline.
     *
     * @return the result: who is ready, how long it took, the first refusal if any
     */
    LoginResult connect(int count, int inFlight, String room, int protocol, DeliveryStats stats, long deadlineNanos)
            throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<BenchConnection>> pending = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            int number = connections.size();
            // Names: "b", a tag of this run (several runs may share a server), the number; at most 24 characters.
            BenchConnection client = new BenchConnection("b" + runTag + "_" + number, room, protocol, stats, framesAfterLogin);
            connections.add(client);
            pending.add(client.ready());
            client.ready().whenComplete((ok, error) -> {
                slots.release();
                if (error != null) {
                    failures.add(error.getMessage());
                }
            });
            ChannelFuture connecting = open(number, client, group);
            connecting.addListener(f -> {
                if (!f.isSuccess()) {
                    client.ready().completeExceptionally(new IllegalStateException("could not connect: " + f.cause().getMessage()));
                }
            });
        }
        List<BenchConnection> ready = new ArrayList<>();
        long lastReady = started;
        for (CompletableFuture<BenchConnection> future : pending) {
            long left = deadlineNanos - System.nanoTime();
            try {
                ready.add(future.get(Math.max(0, left), TimeUnit.NANOSECONDS));
                lastReady = System.nanoTime();
            } catch (java.util.concurrent.ExecutionException e) {
                // Also here: get() may return before the future's own callback has recorded why.
                failures.add(e.getCause().getMessage());
            } catch (java.util.concurrent.TimeoutException e) {
                // Counted below: the result says how many made it.
            }
        }
        return new LoginResult(count, ready, lastReady - started, failures.isEmpty() ? null : failures.peek());
    }

    /**
     * Connects and logs in one more client that pings while measuring ({@link Pinger}), after the receivers.
     *
     * @throws IllegalStateException with a sentence when it cannot log in within 30 s
     */
    Pinger pinger(int protocol) throws InterruptedException {
        Pinger pinger = new Pinger("p" + runTag + "_ping", protocol);
        open(connections.size(), pinger, pingGroup).addListener(f -> {
            if (!f.isSuccess()) {
                pinger.ready().completeExceptionally(new IllegalStateException("could not connect: " + f.cause().getMessage()));
            } else {
                pingers.add(((ChannelFuture) f).channel());
            }
        });
        try {
            return pinger.ready().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the pinger could not log in: " + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the pinger was not logged in within 30 s", e);
        }
    }

    private ChannelFuture open(int number, ChannelHandler handler, EventLoopGroup on) {
        Bootstrap one = bootstrap.clone(on).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                if (tls != null) {
                    // The hello goes out at once, so the server never takes the connection for plain text.
                    channel.pipeline().addLast(tls.newHandler(channel.alloc(), server.getHostString(), server.getPort()));
                }
                channel.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE_BYTES, true, true), handler);
            }
        });
        return loopback ? one.connect(server, new InetSocketAddress(sourceAddress(number), 0)) : one.connect(server);
    }

    /** The outcome of {@link #connect}: the clients logged in and the time until the last of them was. */
    record LoginResult(int wanted, List<BenchConnection> ready, long nanos, String firstFailure) {
        boolean complete() {
            return ready.size() == wanted;
        }
    }

    private static InetAddress sourceAddress(int number) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + number % SOURCE_ADDRESSES)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        for (BenchConnection connection : connections) {
            if (connection.channel() != null) {
                connection.channel().close();
            }
        }
        pingers.forEach(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        pingGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }
}
