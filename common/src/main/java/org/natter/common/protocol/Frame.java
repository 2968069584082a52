package org.natter.common.protocol;

/**
 * One line of the wire protocol. The records in this package are the frames; {@link FrameCodec} turns them into
 * JSON lines and back. Each record's components are the JSON fields; {@code type} is added by the codec.
 */
public sealed interface Frame permits ClientFrame, ServerFrame {
}
