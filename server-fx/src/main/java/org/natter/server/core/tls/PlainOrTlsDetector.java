package org.natter.server.core.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.FrameCodec;

/**
 * The first stage of a connection on a TLS server: it tells a TLS client from a plain-text one on the same port.
 *
 * <p>A TLS client speaks first, and its first byte is {@value #TLS_HANDSHAKE} (a handshake record); a Natter
 * line starts with {@code {} or white space. So: a first byte of 0x16 puts an {@link SslHandler} in this stage's
 * place; any other first byte means plain text. Silence is the hard case: a plain client such as {@code nc} (or a
 * Natter app told to use plain text) waits for {@code welcome} before it says anything, while a TLS client on an
 * overloaded machine may send its hello late. So a connection silent for {@link #PLAIN_WAIT} is taken for plain
 * text (on a server that refuses plain text: after {@link #REFUSAL_WAIT}), unless the server is in a storm of
 * connections ({@link SilentConnections}): then it keeps waiting,
 * half a second at a time, up to the longest wait (the login timeout), since a silent connection in a storm is far
 * more likely a TLS client that has not got round to its hello. Plain text then goes on to the chat when the
 * operator allows it and is otherwise told {@code TLS_REQUIRED} in one line and closed.
 *
 * <p>A TLS hello that comes after a silent connection was served in plain text cannot be saved (the client has
 * received plain text where it expected a TLS record): the connection is closed without a word and reported; the
 * Natter apps retry such a connection once.
 *
 * <p>Until the decision it holds back {@code channelActive}, so the chat sees a connection (and sends
 * {@code welcome}) only once its transport is settled, and sees no refused plain-text connection at all. Runs on
 * the connection's I/O thread, like every handler; all its state belongs to that thread.
 */
public final class PlainOrTlsDetector extends ByteToMessageDecoder {

    /** The content type of a TLS handshake record. */
    static final int TLS_HANDSHAKE = 0x16;
    /**
     * How long a silent connection stays undecided outside a storm. Short, because a silent plain client waits this
     * long for {@code welcome} or {@code TLS_REQUIRED}; a TLS hello is normally there in a millisecond.
     */
    public static final Duration PLAIN_WAIT = Duration.ofMillis(500);
    /**
     * How long a silent connection stays undecided, storm or not, on a server that refuses plain text anyway: a
     * late TLS hello (a busy client, a server whose threads are still warming up) still gets TLS, and a plain client
     * still hears {@code TLS_REQUIRED} well within the 10 s the apps wait for {@code welcome} and the 4 s the
     * connection doctor does.
     */
    public static final Duration REFUSAL_WAIT = Duration.ofSeconds(2);
    public static final String NAME = "transport";
    /** The code in the operator's log of a TLS hello that came after the connection was served in plain text. */
    public static final String LATE_HELLO = "LATE_TLS_HELLO";
    public static final String TLS_HANDLER = "tls";

    static final String REFUSAL = "This server accepts encrypted connections only. Use the Natter app, or "
            + "openssl s_client -quiet -connect HOST:PORT instead of nc.";

    /** What the detector decided about a connection that the operator should hear of. */
    public interface Outcomes {
        /** A plain-text connection was refused (on the I/O thread; must not block). */
        void plainRefused(String address);

        /** A TLS hello came after the connection had been served in plain text; it was closed (I/O thread). */
        void lateTlsHello(String address);
    }

    private enum State { UNDECIDED, PLAIN_AFTER_SILENCE, DECIDED }

    private final SslContext tls;
    private final boolean plainAllowed;
    private final int longestWaits;
    private final SilentConnections silent;
    private final Outcomes outcomes;
    /** How many {@link #PLAIN_WAIT}s this connection has been silent. */
    private int waits;
    private ScheduledFuture<?> silenceTimer;
    private State state = State.UNDECIDED;
    /** The chat was told of the connection while this stage stayed in the pipeline. */
    private boolean chatSawIt;

    /**
     * @param longestWait how long a silent connection may stay undecided in a storm (the login timeout)
     * @param silent      the server's count of silent connections, shared by all its detectors
     */
    public PlainOrTlsDetector(SslContext tls, boolean plainAllowed, Duration longestWait, SilentConnections silent,
                              Outcomes outcomes) {
        this.tls = tls;
        this.plainAllowed = plainAllowed;
        this.longestWaits = (int) Math.max(1, longestWait.toMillis() / PLAIN_WAIT.toMillis());
        this.silent = silent;
        this.outcomes = outcomes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // Not passed on yet: the chat sees the connection once the transport is known.
        silent.connected();
        armSilenceTimer(ctx);
    }

    private void armSilenceTimer(ChannelHandlerContext ctx) {
        silenceTimer = ctx.executor().schedule(() -> {
            if (state != State.UNDECIDED || !ctx.channel().isActive()) {
                return;
            }
            waits++;
            boolean refusalWaitLeft = !plainAllowed && waits < REFUSAL_WAIT.toMillis() / PLAIN_WAIT.toMillis();
            if (waits < longestWaits && (refusalWaitLeft || silent.storm(ctx.executor().ticker().nanoTime()))) {
                armSilenceTimer(ctx);
            } else {
                plainText(ctx, true);
            }
        }, PLAIN_WAIT.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.DECIDED || !in.isReadable()) {
            return;
        }
        boolean hello = in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE;
        if (state == State.PLAIN_AFTER_SILENCE) {
            if (hello) {
                lateHello(ctx);
            } else {
                state = State.DECIDED;
                ctx.pipeline().remove(this);
            }
        } else if (hello) {
            encrypted(ctx);
        } else {
            plainText(ctx, false);
        }
    }

    private void encrypted(ChannelHandlerContext ctx) {
        decide();
        SslHandler handler = tls.newHandler(ctx.alloc());
        ctx.pipeline().addAfter(ctx.name(), TLS_HANDLER, handler);
        ctx.fireChannelActive();
        // Removing this stage hands the bytes read so far (the client hello) to the TLS handler.
        ctx.pipeline().remove(this);
    }

    private void plainText(ChannelHandlerContext ctx, boolean afterSilence) {
        decide();
        if (plainAllowed) {
            ctx.fireChannelActive();
            if (afterSilence) {
                chatSawIt = true;
                // Stays to look at the first byte: a TLS hello now is a TLS client that came too late.
                state = State.PLAIN_AFTER_SILENCE;
            } else {
                ctx.pipeline().remove(this);
            }
            return;
        }
        String line = FrameCodec.encode(new ErrorReply(null, ErrorCode.TLS_REQUIRED, REFUSAL)) + "\n";
        ctx.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.UTF_8)).addListener(ChannelFutureListener.CLOSE);
        stopReading(ctx);
        outcomes.plainRefused(address(ctx));
    }

    /** Its {@code welcome} already went out in plain text, which the client's TLS cannot read: nothing to say. */
    private void lateHello(ChannelHandlerContext ctx) {
        state = State.DECIDED;
        stopReading(ctx);
        ctx.close();
        outcomes.lateTlsHello(address(ctx));
    }

    private void stopReading(ChannelHandlerContext ctx) {
        // Whatever else it sends is not read.
        ctx.channel().config().setAutoRead(false);
        if (internalBuffer().isReadable()) {
            internalBuffer().skipBytes(internalBuffer().readableBytes());
        }
    }

    private static String address(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() + ":" + remote.getPort()
                : String.valueOf(ctx.channel().remoteAddress());
    }

    private void decide() {
        if (state == State.UNDECIDED) {
            silent.spoke();
        }
        state = State.DECIDED;
        if (silenceTimer != null) {
            silenceTimer.cancel(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        decide();
        // Served in plain text after the silence (this stage stayed to watch), the chat saw this connection and must
        // see its end. Otherwise (undecided or refused) the chat never saw it, so it is not told of its end.
        if (chatSawIt) {
            ctx.fireChannelInactive();
        }
    }
}
