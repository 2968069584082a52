package org.natter.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load-tool client: logs in, answers pings, and records each bench message it receives.
 *
 * <p>Lines are recognised by their first bytes and the bench text is found by a byte search instead of decoding
 * JSON: at a million deliveries a second a JSON parse per line would make the tool, not the server, the limit.
 * The server writes {@code type} first and the bench's own texts are plain ASCII, so this is exact for them.
 *
 * <p>Threads: everything here runs on the connection's own I/O thread; {@link #ready()} completes there.
 */
final class BenchConnection extends ChannelInboundHandlerAdapter {

    private static final byte[] LOGIN_OK = bytes("{\"type\":\"login_ok\"");
    /** The reply to the bench's join (request id "j"); a v2 login also brings a "room" frame for general. */
    private static final byte[] JOINED_ROOM = bytes("{\"type\":\"room\",\"re\":\"j\"");
    private static final byte[] MESSAGE = bytes("{\"type\":\"message\"");
    private static final byte[] ERROR = bytes("{\"type\":\"error\"");
    private static final byte[] PING = bytes("{\"type\":\"ping\"");
    /** "TLS_REQUIRED" in hexadecimal, as Netty shows the plain text it could not decrypt. */
    private static final String HEX_TLS_REQUIRED = "544c535f5245515549524544";
    /** Send times travel as nanoseconds since this origin, so they are never negative (nanoTime may be). */
    static final long CLOCK_ORIGIN = System.nanoTime();
    /** The bench texts: "bench " and the intended send time, nanoseconds since {@link #CLOCK_ORIGIN}. */
    static final String TEXT_PREFIX = "bench ";
    private static final byte[] STAMP = bytes("\"text\":\"" + TEXT_PREFIX);
    private static final byte[] PONG = bytes("{\"type\":\"pong\"}\n");

    private final String name;
    private final String room;
    private final int protocol;
    private final DeliveryStats stats;
    private final AtomicLong framesAfterLogin;
    private final CompletableFuture<BenchConnection> ready = new CompletableFuture<>();
    private Channel channel;
    private boolean loggedIn;
    /**
     * Each line's bytes, copied once: at a million lines a second, reading a pooled slice byte by byte (each
     * read checks the buffer is still live) cost the tool more than half its CPU in a profile.
     */
    private byte[] scratch = new byte[512];

    /**
     * @param room             a room to join after login, or null for general
     * @param framesAfterLogin counts every other frame this client receives once logged in (presence traffic)
     */
    BenchConnection(String name, String room, int protocol, DeliveryStats stats, AtomicLong framesAfterLogin) {
        this.name = name;
        this.room = room;
        this.protocol = protocol;
        this.stats = stats;
        this.framesAfterLogin = framesAfterLogin;
    }

    /** Completes when logged in (and in the room); fails with a sentence when the server refuses or closes. */
    CompletableFuture<BenchConnection> ready() {
        return ready;
    }

    Channel channel() {
        return channel;
    }

    String name() {
        return name;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        String login = "{\"type\":\"login\",\"name\":\"" + name + "\"" + (protocol >= 2 ? ",\"version\":" + protocol : "") + "}\n";
        ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes(login)));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf line = (ByteBuf) msg;
        try {
            read(ctx, line);
        } finally {
            ReferenceCountUtil.release(line);
        }
    }

    private void read(ChannelHandlerContext ctx, ByteBuf buffer) {
        int length = buffer.readableBytes();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.getBytes(buffer.readerIndex(), scratch, 0, length);
        read(ctx, buffer, scratch, length);
    }

    private void read(ChannelHandlerContext ctx, ByteBuf buffer, byte[] line, int length) {
        if (startsWith(line, length, MESSAGE)) {
            int at = indexOf(line, length, STAMP);
            if (at >= 0) {
                stats.delivered(CLOCK_ORIGIN + parseLong(line, length, at + STAMP.length), System.nanoTime());
                return;
            }
        } else if (startsWith(line, length, PING)) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            return;
        } else if (!loggedIn && startsWith(line, length, LOGIN_OK)) {
            loggedIn = true;
            if (room == null) {
                ready.complete(this);
            } else {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes("{\"type\":\"join\",\"id\":\"j\",\"room\":\"" + room + "\"}\n")));
            }
            return;
        } else if (loggedIn && room != null && !ready.isDone() && startsWith(line, length, JOINED_ROOM)) {
            ready.complete(this);
            return;
        } else if (startsWith(line, length, ERROR) && !ready.isDone()) {
            ready.completeExceptionally(new IllegalStateException(name + " was refused: " + buffer.toString(StandardCharsets.UTF_8)));
            return;
        }
        if (loggedIn) {
            framesAfterLogin.incrementAndGet();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ready.completeExceptionally(new IllegalStateException(name + ": the server closed the connection"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(new IllegalStateException(name + ": " + problem(cause)));
        ctx.close();
    }

    /** What went wrong, in a line: a TLS client answered in plain text says so, not with a hex dump of it. */
    static String problem(Throwable cause) {
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (root instanceof io.netty.handler.ssl.NotSslRecordException) {
            return "the server answered the TLS hello in plain text (a server without TLS, or one that took this"
                    + " connection for plain text)" + (String.valueOf(root.getMessage()).contains(HEX_TLS_REQUIRED)
                    ? ": TLS_REQUIRED" : "");
        }
        return String.valueOf(root.getMessage());
    }


    private static boolean startsWith(byte[] line, int length, byte[] prefix) {
        return length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Where {@code wanted} first starts in the line's first {@code length} bytes, or -1. */
    static int indexOf(byte[] line, int length, byte[] wanted) {
        byte first = wanted[0];
        for (int i = 0, last = length - wanted.length; i <= last; i++) {
            if (line[i] == first && Arrays.equals(line, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    private static long parseLong(byte[] line, int length, int from) {
        long value = 0;
        for (int i = from; i < length; i++) {
            byte b = line[i];
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
