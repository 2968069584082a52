package org.natter.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.ServerFrame;

/**
 * The codec stage for replies to one client. Broadcasts bypass it: they are encoded once and the same bytes
 * are written to every recipient.
 */
@Sharable
final class ServerFrameEncoder extends MessageToByteEncoder<ServerFrame> {

    static final ServerFrameEncoder INSTANCE = new ServerFrameEncoder();

    @Override
    protected void encode(ChannelHandlerContext ctx, ServerFrame frame, ByteBuf out) {
        out.writeBytes(FrameCodec.encodeLine(frame));
    }
}
