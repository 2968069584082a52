package org.natter.server.core;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.time.Instant;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.server.core.security.PasswordGate;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.PlainOrTlsDetector;
import org.natter.server.core.tls.SilentConnections;

/** Builds each connection's pipeline: batched flushes, idle detection, framing, then codec, then logic. */
final class ChatServerInitializer extends ChannelInitializer<Channel> {

    /**
     * Replies written while a read is in progress are flushed once the read is done, or after this many. Broadcasts
     * are flushed in batches by the fan-out itself (FlushBatch), so flushes outside a read go out at once.
     */
    private static final int FLUSHES_PER_BATCH = 64;

    private final SessionRegistry registry;
    private final ServerEvents events;
    private final Supplier<ServerSettings> settings;
    private final Supplier<ServerSecurity> security;
    private final PasswordGate passwords;
    /** Connections that have not said their first byte yet, for the TLS detection (any I/O thread). */
    private final SilentConnections silentConnections = new SilentConnections();

    /** Plain text only, no password (pipeline tests). */
    ChatServerInitializer(SessionRegistry registry, ServerEvents events, Supplier<ServerSettings> settings) {
        this(registry, events, settings, ServerSecurity::plainOnly, null);
    }

    ChatServerInitializer(SessionRegistry registry, ServerEvents events, Supplier<ServerSettings> settings,
                          Supplier<ServerSecurity> security, PasswordGate passwords) {
        this.registry = registry;
        this.events = events;
        this.settings = settings;
        this.security = security;
        this.passwords = passwords;
    }

    @Override
    protected void initChannel(Channel channel) {
        ServerSettings current = settings.get();
        ServerSecurity secured = security.get();
        ChannelPipeline pipeline = channel.pipeline();
        if (secured.transport().usesTls()) {
            // First of all: TLS (or plain text) is decided before anything else reads a byte.
            pipeline.addLast(PlainOrTlsDetector.NAME, new PlainOrTlsDetector(secured.tlsContext(), secured.plainAllowed(),
                    current.loginTimeout(), silentConnections, detectorOutcomes()));
        }
        pipeline.addLast("flush", new FlushConsolidationHandler(FLUSHES_PER_BATCH, false));
        pipeline.addLast("idle", new IdleStateHandler(current.pingAfter().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("framing", new LineBasedFrameDecoder(ProtocolLimits.MAX_LINE_BYTES, true, true));
        pipeline.addLast("decoder", new ClientFrameDecoder());
        pipeline.addLast("encoder", ServerFrameEncoder.INSTANCE);
        pipeline.addLast("logic", new ChatServerHandler(registry, events, current, NanoClock.SYSTEM,
                new LoginPasswords(secured, passwords)));
    }

    private PlainOrTlsDetector.Outcomes detectorOutcomes() {
        return new PlainOrTlsDetector.Outcomes() {
            @Override
            public void plainRefused(String address) {
                events.publish(new ServerEvent.ClientError(Instant.now(), 0, address, ErrorCode.TLS_REQUIRED.name(),
                        "Refused a connection without encryption."));
            }

            @Override
            public void lateTlsHello(String address) {
                events.publish(new ServerEvent.ClientError(Instant.now(), 0, address, PlainOrTlsDetector.LATE_HELLO,
                        "Closed an encrypted connection whose hello came after it had been silent for too long and was "
                                + "taken for plain text. The Natter apps try again by themselves."));
            }
        };
    }
}
