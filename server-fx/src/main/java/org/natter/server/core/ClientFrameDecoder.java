package org.natter.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.ProtocolException;

/** The codec stage: one framed line in, one {@code ClientFrame} or {@link BadFrame} out. Empty lines are skipped. */
final class ClientFrameDecoder extends MessageToMessageDecoder<ByteBuf> {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        if (!line.isReadable()) {
            return;
        }
        try {
            out.add(FrameCodec.decodeClientFrame(FrameCodec.utf8(line.nioBuffer())));
        } catch (ProtocolException e) {
            out.add(new BadFrame(e));
        }
    }
}
