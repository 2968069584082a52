package org.natter.server.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detection windows to the millisecond, on a channel whose clock the test moves. */
class PlainOrTlsDetectorTest {

    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);
    private static io.netty.handler.ssl.SslContext tls;

    private final MockTicker ticker = Ticker.newMockTicker();
    private final List<String> refused = new ArrayList<>();
    private final List<String> lateHellos = new ArrayList<>();
    /** What the chat (the next stage) saw: "active", "inactive" and the text of what it read. */
    private final List<String> chat = new ArrayList<>();
    private final SilentConnections silent = new SilentConnections();

    @BeforeAll
    static void makeContext() {
        tls = TlsContexts.forServer(ServerCertificate.generate());
    }

    private EmbeddedChannel connect(boolean plainAllowed) {
        PlainOrTlsDetector detector = new PlainOrTlsDetector(tls, plainAllowed, LOGIN_TIMEOUT, silent,
                new PlainOrTlsDetector.Outcomes() {
                    @Override
                    public void plainRefused(String address) {
                        refused.add(address);
                    }

                    @Override
                    public void lateTlsHello(String address) {
                        lateHellos.add(address);
                    }
                });
        return EmbeddedChannel.builder().ticker(ticker).handlers(detector, new ChatStandIn()).build();
    }

    /** Moves the clock in steps of at most 10 ms, so a timer that re-arms itself fires as often as it would. */
    private void advance(EmbeddedChannel channel, Duration by) {
        long left = by.toNanos();
        while (left > 0) {
            long step = Math.min(left, TimeUnit.MILLISECONDS.toNanos(10));
            ticker.advance(step, TimeUnit.NANOSECONDS);
            channel.runScheduledPendingTasks();
            left -= step;
        }
    }

    /** Other connections of the server that have not spoken yet: enough of them make a storm. */
    private void othersSilent(int count) {
        for (int i = 0; i < count; i++) {
            silent.connected();
        }
    }

    @Test
    void onAQuietServerSilenceIsRefusedAfterTheRefusalWaitWhereTlsIsRequired() {
        othersSilent(SilentConnections.STORM - 1);
        EmbeddedChannel channel = connect(false);
        advance(channel, PlainOrTlsDetector.REFUSAL_WAIT.minusMillis(1));
        assertThat(channel.isActive()).isTrue();
        assertThat(refused).isEmpty();
        advance(channel, Duration.ofMillis(1));
        ByteBuf reply = channel.readOutbound();
        assertThat(reply.toString(StandardCharsets.UTF_8)).contains("\"TLS_REQUIRED\"");
        reply.release();
        assertThat(channel.isActive()).isFalse();
        assertThat(refused).hasSize(1);
        assertThat(chat).isEmpty();
        assertThat(silent.count()).isEqualTo(SilentConnections.STORM - 1);
    }

    @Test
    void whereTlsIsRequiredAHelloLaterThanHalfASecondStillStartsTlsOnAQuietServer() {
        EmbeddedChannel channel = connect(false);
        advance(channel, PlainOrTlsDetector.PLAIN_WAIT.multipliedBy(3));
        assertThat(channel.isActive()).isTrue();
        assertThat((Object) channel.readOutbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16}));
        assertThat(channel.pipeline().get(PlainOrTlsDetector.TLS_HANDLER)).isNotNull();
        assertThat(refused).isEmpty();
    }

    @Test
    void inAStormALateHelloStillStartsTls() {
        othersSilent(SilentConnections.STORM);
        EmbeddedChannel channel = connect(false);
        assertThat(silent.count()).isEqualTo(SilentConnections.STORM + 1);
        // Ten times the quiet wait: far past the old half-second window.
        advance(channel, PlainOrTlsDetector.PLAIN_WAIT.multipliedBy(10));
        assertThat(channel.isActive()).isTrue();
        assertThat((Object) channel.readOutbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16}));
        assertThat(channel.pipeline().get(PlainOrTlsDetector.TLS_HANDLER)).isNotNull();
        assertThat(channel.pipeline().get(PlainOrTlsDetector.class)).isNull();
        assertThat(chat).startsWith("active");
        assertThat(refused).isEmpty();
        assertThat(silent.count()).isEqualTo(SilentConnections.STORM);
        channel.finishAndReleaseAll();
    }

    @Test
    void inAStormSilenceIsRefusedAtTheLoginTimeout() {
        othersSilent(SilentConnections.STORM);
        EmbeddedChannel channel = connect(false);
        advance(channel, LOGIN_TIMEOUT.minusMillis(1));
        assertThat(channel.isActive()).isTrue();
        advance(channel, Duration.ofMillis(1));
        assertThat(channel.isActive()).isFalse();
        assertThat(refused).hasSize(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void aStormLingersForItsLastLateHellosThenSilenceIsDecidedAgain() {
        othersSilent(SilentConnections.STORM);
        EmbeddedChannel channel = connect(true);
        advance(channel, PlainOrTlsDetector.PLAIN_WAIT.multipliedBy(4));
        assertThat(chat).isEmpty();
        // The others have spoken (or gone); the storm was last seen just now.
        for (int i = 0; i < SilentConnections.STORM; i++) {
            silent.spoke();
        }
        advance(channel, SilentConnections.LINGER.minus(PlainOrTlsDetector.PLAIN_WAIT));
        assertThat(chat).isEmpty();
        advance(channel, PlainOrTlsDetector.PLAIN_WAIT);
        assertThat(chat).containsExactly("active");
        channel.finishAndReleaseAll();
        assertThat(silent.count()).isZero();
    }

    @Test
    void wherePlainTextIsAllowedSilenceIsServedInPlainTextAfterHalfASecond() {
        EmbeddedChannel channel = connect(true);
        advance(channel, PlainOrTlsDetector.PLAIN_WAIT.minusMillis(1));
        assertThat(chat).isEmpty();
        advance(channel, Duration.ofMillis(1));
        assertThat(chat).containsExactly("active");
        channel.writeInbound(Unpooled.copiedBuffer("{\"type\":\"login\"}\n", StandardCharsets.UTF_8));
        assertThat(chat).containsExactly("active", "{\"type\":\"login\"}\n");
        assertThat(channel.pipeline().get(PlainOrTlsDetector.class)).isNull();
        assertThat(lateHellos).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void aTlsHelloAfterThePlainWelcomeClosesTheConnectionAndTheChatSeesItsEnd() {
        EmbeddedChannel channel = connect(true);
        advance(channel, PlainOrTlsDetector.PLAIN_WAIT);
        assertThat(chat).containsExactly("active");
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16}));
        assertThat(channel.isActive()).isFalse();
        assertThat(lateHellos).hasSize(1);
        // Nothing of the hello reached the chat, and nothing was written back.
        assertThat(chat).containsExactly("active", "inactive");
        assertThat((Object) channel.readOutbound()).isNull();
    }

    /** Stands for the chat: records what reaches it. */
    private final class ChatStandIn extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            chat.add("active");
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            chat.add("inactive");
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            chat.add(bytes.toString(StandardCharsets.UTF_8));
            bytes.release();
        }
    }
}
