package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;

/**
 * The whole pipeline of one connection (framing, codec, logic) on Netty's {@link EmbeddedChannel}: bytes in,
 * frames out, time moved by hand. The chat's sequencer runs tasks at once here, so every answer is there as soon
 * as the bytes are written.
 */
class ChatPipelineTest {

    private final ServerEvents events = new ServerEvents();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private SessionRegistry registry;

    @AfterEach
    void tearDown() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        events.close();
    }

    private final java.util.Map<EmbeddedChannel, io.netty.util.concurrent.MockTicker> tickers = new java.util.HashMap<>();

    private EmbeddedChannel connect(ServerSettings settings) {
        if (registry == null) {
            MemoryMessageStore store = new MemoryMessageStore();
            registry = new SessionRegistry(ImmediateEventExecutor.INSTANCE, events, () -> settings, store,
                    new Moderation(store, java.time.Clock.systemUTC()));
            // As ChatServer does: the store's commits release the messages waiting in the outbox.
            store.onCommitted(registry::committed);
        }
        // A clock that moves only when the test says so: the login deadline is armed on activation, and a real
        // clock running between arming and the test's advanceTimeBy made the deadline tests flaky on a busy machine.
        io.netty.util.concurrent.MockTicker ticker = io.netty.util.concurrent.Ticker.newMockTicker();
        EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker)
                .handlers(new ChatServerInitializer(registry, events, () -> settings)).build();
        tickers.put(channel, ticker);
        channels.add(channel);
        return channel;
    }

    /** Moves the channel's clock; scheduled tasks then run with runScheduledPendingTasks. */
    private void advance(EmbeddedChannel channel, long amount, TimeUnit unit) {
        tickers.get(channel).advance(amount, unit);
    }

    private EmbeddedChannel connect() {
        return connect(ServerSettings.defaults());
    }

    private static void write(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        channel.runPendingTasks();
    }

    /** Every frame the server wrote so far, decoded. */
    private static List<ServerFrame> read(EmbeddedChannel channel) throws ProtocolException {
        channel.runPendingTasks();
        StringBuilder text = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            text.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        List<ServerFrame> frames = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            if (!line.isEmpty()) {
                frames.add(FrameCodec.decodeServerFrame(line));
            }
        }
        return frames;
    }

    @Test
    void aNewConnectionIsWelcomed() throws ProtocolException {
        EmbeddedChannel channel = connect();
        assertThat(read(channel)).singleElement().isInstanceOf(Welcome.class);
    }

    @Test
    void aFrameSplitAcrossReadsIsReadOnceWhole() throws ProtocolException {
        EmbeddedChannel channel = connect();
        read(channel);
        write(channel, "{\"type\":\"pi");
        assertThat(read(channel)).isEmpty();
        write(channel, "ng\",\"id\":\"a\"}");
        assertThat(read(channel)).as("no newline yet").isEmpty();
        write(channel, "\n");
        assertThat(read(channel)).containsExactly(new Pong("a"));
    }

    @Test
    void severalFramesInOneReadAreEachAnsweredInOrder() throws ProtocolException {
        EmbeddedChannel channel = connect();
        read(channel);
        write(channel, "{\"type\":\"ping\",\"id\":\"1\"}\r\n\n{\"type\":\"ping\",\"id\":\"2\"}\n{\"type\":\"ping\",\"id\":\"3\"}\n");
        assertThat(read(channel)).containsExactly(new Pong("1"), new Pong("2"), new Pong("3"));
    }

    @Test
    void aLineTooLongIsRefusedAndTheNextLineIsRead() throws ProtocolException {
        EmbeddedChannel channel = connect();
        read(channel);
        write(channel, "x".repeat(ProtocolLimits.MAX_LINE_BYTES + 10) + "\n{\"type\":\"ping\",\"id\":\"after\"}\n");
        List<ServerFrame> frames = read(channel);
        assertThat(frames).hasSize(2);
        assertThat(((ErrorReply) frames.get(0)).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(frames.get(1)).isEqualTo(new Pong("after"));
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void badJsonAndDuplicateKeysGetBadJsonAndTheConnectionStays() throws ProtocolException {
        EmbeddedChannel channel = connect();
        read(channel);
        write(channel, "{nope\n{\"type\":\"ping\",\"id\":\"a\",\"id\":\"b\"}\n");
        assertThat(read(channel)).extracting(f -> ((ErrorReply) f).code())
                .containsExactly(ErrorCode.BAD_JSON, ErrorCode.BAD_JSON);
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void loginThenSayInOneReadAreBothProcessedInOrder() throws ProtocolException {
        EmbeddedChannel channel = connect();
        read(channel);
        write(channel, "{\"type\":\"login\",\"name\":\"ada\",\"id\":\"l\"}\n{\"type\":\"say\",\"text\":\"hi\",\"id\":\"s\"}\n");
        List<ServerFrame> frames = read(channel);
        assertThat(frames).hasSize(2);
        assertThat(((LoginOk) frames.get(0)).name()).isEqualTo("ada");
        Message own = (Message) frames.get(1);
        assertThat(own.re()).isEqualTo("s");
        assertThat(own.text()).isEqualTo("hi");
    }

    @Test
    void framesPipelinedBehindQuitAreNotProcessed() throws ProtocolException {
        EmbeddedChannel channel = connect();
        read(channel);
        write(channel, "{\"type\":\"quit\"}\n{\"type\":\"login\",\"name\":\"ghost\"}\n{\"type\":\"ping\",\"id\":\"p\"}\n");
        assertThat(read(channel)).isEmpty();
        assertThat(channel.isActive()).isFalse();
        assertThat(registry.user("ghost")).isNull();
    }

    @Test
    void thePendingHostIsDroppedWhenTheLoginTimeoutIsUp() throws ProtocolException {
        EmbeddedChannel channel = connect();
        read(channel);
        advance(channel, ServerSettings.defaults().loginTimeout().toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isActive()).isTrue();
        advance(channel, 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void theLoginDeadlineIsArmedAgainAfterALogout() throws ProtocolException {
        ServerSettings settings = ServerSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(120));
        EmbeddedChannel channel = connect(settings);
        write(channel, "{\"type\":\"login\",\"name\":\"ada\"}\n");
        advance(channel, 30, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isActive()).as("a user has no login deadline").isTrue();
        write(channel, "{\"type\":\"logout\",\"id\":\"o\"}\n");
        assertThat(read(channel)).last().isEqualTo(new LoggedOut("o"));
        advance(channel, 4, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isActive()).isTrue();
        advance(channel, 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isActive()).as("pending again, and again given the login timeout").isFalse();
    }

    @Test
    void aClosedConnectionIsNotCalledTooSlow() {
        EmbeddedChannel channel = connect();
        Session session = registry.session(registry.pendingHosts().get(0).connectionId());
        channel.close();
        assertThat(session.deliver("{\"type\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(session.closeReason()).isNotEqualTo(Session.TOO_SLOW);
    }
}
