package org.natter.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * One more client during a fan-out run: logged in like the receivers (so in {@code general}; with the default
 * room it receives the flood too, and its {@code pong} comes behind the messages queued before it, as any user's
 * would), it sends a {@code ping} every {@link #INTERVAL_MILLIS} ms while measuring and records the round trips.
 * A ping still unanswered when the result is taken counts with the time it has waited so far, so a server that
 * stops answering shows as a long round trip, not as a missing one.
 *
 * <p>Threads: pings go out and answers come in on the connection's I/O thread; {@link #result} reads from the
 * caller's thread without waiting for that one (which may be busy with the flood), hence the concurrent map and
 * the synchronized histogram.
 */
final class Pinger extends ChannelInboundHandlerAdapter {

    static final long INTERVAL_MILLIS = 100;
    private static final byte[] LOGIN_OK = BenchConnection.bytes("{\"type\":\"login_ok\"");
    private static final byte[] PING = BenchConnection.bytes("{\"type\":\"ping\"");
    private static final byte[] PONG_RE = BenchConnection.bytes("{\"type\":\"pong\",\"re\":\"b");
    private static final byte[] PONG = BenchConnection.bytes("{\"type\":\"pong\"}\n");

    private final String name;
    private final int protocol;
    private final CompletableFuture<Pinger> ready = new CompletableFuture<>();
    /** Send times of the pings not yet answered, by number. */
    private final Map<Long, Long> outstanding = new ConcurrentHashMap<>();
    /** Round trips in microseconds, up to an hour. */
    private final Histogram roundTrips = new SynchronizedHistogram(TimeUnit.HOURS.toMicros(1), 3);
    private Channel channel;
    private volatile ScheduledFuture<?> ticks;
    private final AtomicLong sent = new AtomicLong();
    private boolean loggedIn;

    Pinger(String name, int protocol) {
        this.name = name;
        this.protocol = protocol;
    }

    CompletableFuture<Pinger> ready() {
        return ready;
    }

    /** Starts pinging at {@code startNanos} and stops at {@code endNanos}; the first at the start. */
    void pingBetween(long startNanos, long endNanos) {
        long delay = Math.max(0, startNanos - System.nanoTime());
        ticks = channel.eventLoop().scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= endNanos) {
                ticks.cancel(false);
                return;
            }
            long number = sent.getAndIncrement();
            outstanding.put(number, now);
            // The id starts with "b" for the byte match of the answer; pings are free of the flood limit's worry
            // (the bench server's rate is raised) and cost the server nothing but the answer.
            channel.writeAndFlush(Unpooled.wrappedBuffer(BenchConnection.bytes(
                    "{\"type\":\"ping\",\"id\":\"b" + number + "\"}\n")));
        }, delay, TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS), TimeUnit.NANOSECONDS);
    }

    /** What was measured so far; unanswered pings count with their wait until now. */
    PingResult result() {
        long now = System.nanoTime();
        Histogram all = roundTrips.copy();
        int unanswered = 0;
        for (long at : outstanding.values()) {
            unanswered++;
            all.recordValue(Math.min(all.getHighestTrackableValue(), TimeUnit.NANOSECONDS.toMicros(now - at)));
        }
        boolean any = all.getTotalCount() > 0;
        return new PingResult(sent.get(), unanswered, any ? all.getValueAtPercentile(99) : -1, any ? all.getMaxValue() : -1);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        String login = "{\"type\":\"login\",\"name\":\"" + name + "\"" + (protocol >= 2 ? ",\"version\":" + protocol : "") + "}\n";
        ctx.writeAndFlush(Unpooled.wrappedBuffer(BenchConnection.bytes(login)));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf line = (ByteBuf) msg;
        try {
            if (startsWith(line, PONG_RE)) {
                answered(line);
            } else if (startsWith(line, PING)) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            } else if (!loggedIn && startsWith(line, LOGIN_OK)) {
                loggedIn = true;
                ready.complete(this);
            } else if (!loggedIn && line.toString(StandardCharsets.UTF_8).startsWith("{\"type\":\"error\"")) {
                ready.completeExceptionally(new IllegalStateException(name + " was refused: " + line.toString(StandardCharsets.UTF_8)));
            }
        } finally {
            ReferenceCountUtil.release(line);
        }
    }

    private void answered(ByteBuf line) {
        long number = 0;
        for (int i = line.readerIndex() + PONG_RE.length; i < line.writerIndex(); i++) {
            byte b = line.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            number = number * 10 + (b - '0');
        }
        Long at = outstanding.remove(number);
        if (at != null) {
            roundTrips.recordValue(Math.min(roundTrips.getHighestTrackableValue(),
                    TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - at)));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ready.completeExceptionally(new IllegalStateException(name + ": the server closed the connection"));
        if (ticks != null) {
            ticks.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(new IllegalStateException(name + ": " + cause.getMessage()));
        ctx.close();
    }

    private static boolean startsWith(ByteBuf line, byte[] prefix) {
        if (line.readableBytes() < prefix.length) {
            return false;
        }
        int base = line.readerIndex();
        for (int i = 0; i < prefix.length; i++) {
            if (line.getByte(base + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param sent       pings sent while measuring
     * @param unanswered of them, still without a pong when the result was taken
     * @param p99        round trip, microseconds (-1: none sent)
     * @param max        the longest, an unanswered one counting with its wait so far
     */
    record PingResult(long sent, long unanswered, long p99, long max) {
    }
}
