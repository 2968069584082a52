package org.natter.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.ProtocolException;

/**
 * The codec stage: one framed line in, one {@code ClientFrame} or {@link BadFrame} out. An empty line becomes
 * {@link #EMPTY_LINE}: it means nothing, but it counts towards the flood limit like any other line.
 */
final class ClientFrameDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** What an empty line decodes to. */
    static final Object EMPTY_LINE = new Object() {
        @Override
        public String toString() {
            return "empty line";
        }
    };

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        if (!line.isReadable()) {
            out.add(EMPTY_LINE);
            return;
        }
        try {
            out.add(FrameCodec.decodeClientFrame(FrameCodec.utf8(line.nioBuffer())));
        } catch (ProtocolException e) {
            out.add(new BadFrame(e));
        }
    }
}
