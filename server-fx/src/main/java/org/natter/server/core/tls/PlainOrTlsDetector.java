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
import java.util.function.Consumer;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.FrameCodec;

/**
 * The first stage of a connection on a TLS server: it tells a TLS client from a plain-text one on the same port.
 *
 * <p>A TLS client speaks first, and its first byte is {@value #TLS_HANDSHAKE} (a handshake record); a Natter
 * line starts with {@code {} or white space. So: a first byte of 0x16 puts an {@link SslHandler} in this stage's
 * place; any other first byte, or {@link #PLAIN_WAIT} of silence (a plain client such as {@code nc} waits for
 * {@code welcome} before it says anything), means plain text, which goes on to the chat when the operator allows
 * it and is otherwise told {@code TLS_REQUIRED} in one line and closed.
 *
 * <p>Until the decision it holds back {@code channelActive}, so the chat sees a connection (and sends
 * {@code welcome}) only once its transport is settled, and sees no refused plain-text connection at all. Runs on
 * the connection's I/O thread, like every handler.
 */
public final class PlainOrTlsDetector extends ByteToMessageDecoder {

    /** The content type of a TLS handshake record. */
    static final int TLS_HANDSHAKE = 0x16;
    /** How long a silent connection may stay undecided: clients do not notice it, a TLS hello is long there. */
    public static final Duration PLAIN_WAIT = Duration.ofMillis(500);
    public static final String NAME = "transport";
    public static final String TLS_HANDLER = "tls";

    static final String REFUSAL = "This server accepts encrypted connections only. Use the Natter app, or "
            + "openssl s_client -quiet -connect HOST:PORT instead of nc.";

    private final SslContext tls;
    private final boolean plainAllowed;
    private final Consumer<String> plainRefused;
    private ScheduledFuture<?> silenceTimer;
    private boolean decided;

    /**
     * @param plainRefused told the remote address of each plain-text connection refused (on the I/O thread; it must
     *                     not block)
     */
    public PlainOrTlsDetector(SslContext tls, boolean plainAllowed, Consumer<String> plainRefused) {
        this.tls = tls;
        this.plainAllowed = plainAllowed;
        this.plainRefused = plainRefused;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // Not passed on yet: the chat sees the connection once the transport is known.
        silenceTimer = ctx.executor().schedule(() -> {
            if (!decided && ctx.channel().isActive()) {
                plainText(ctx);
            }
        }, PLAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (decided || !in.isReadable()) {
            return;
        }
        if (in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE) {
            encrypted(ctx);
        } else {
            plainText(ctx);
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

    private void plainText(ChannelHandlerContext ctx) {
        decide();
        if (plainAllowed) {
            ctx.fireChannelActive();
            ctx.pipeline().remove(this);
            return;
        }
        String line = FrameCodec.encode(new ErrorReply(null, ErrorCode.TLS_REQUIRED, REFUSAL)) + "\n";
        ctx.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.UTF_8)).addListener(ChannelFutureListener.CLOSE);
        // Whatever else it sends is not read.
        ctx.channel().config().setAutoRead(false);
        if (internalBuffer().isReadable()) {
            internalBuffer().skipBytes(internalBuffer().readableBytes());
        }
        plainRefused.accept(ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() + ":" + remote.getPort()
                : String.valueOf(ctx.channel().remoteAddress()));
    }

    private void decide() {
        decided = true;
        if (silenceTimer != null) {
            silenceTimer.cancel(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Still here means undecided or refused: the chat never saw this connection, so it is not told of its end.
        if (silenceTimer != null) {
            silenceTimer.cancel(false);
        }
    }
}
