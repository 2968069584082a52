package org.natter.common.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads newline-terminated frames from a blocking stream, never holding more than one frame's worth of bytes.
 * A TCP read is not a frame: bytes are gathered until the newline. Not thread-safe; one reader thread owns it.
 */
public final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;
    private boolean skipping;

    public LineReader(InputStream in) {
        this(in, ProtocolLimits.MAX_LINE_BYTES);
    }

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line without its newline (and without a trailing carriage return), or {@code null} at the end of
     * the stream. A bad line is consumed whole before the exception, so the next call reads the line after it.
     *
     * @throws ProtocolException FRAME_TOO_LARGE for a line over the limit, BAD_JSON for one that is not UTF-8
     */
    public String readLine() throws IOException, ProtocolException {
        while (true) {
            if (position == limit) {
                limit = in.read(chunk);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return null;
                }
            }
            int start = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            boolean complete = position < limit;
            if (!skipping) {
                line.write(chunk, start, position - start);
                if (line.size() > maxLineBytes) {
                    skipping = true;
                    line.reset();
                }
            }
            if (complete) {
                position++;
                if (skipping) {
                    skipping = false;
                    throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE,
                            "A line was longer than " + maxLineBytes + " bytes and was skipped.");
                }
                byte[] bytes = line.toByteArray();
                line.reset();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return FrameCodec.utf8(ByteBuffer.wrap(bytes, 0, length));
            }
        }
    }
}
