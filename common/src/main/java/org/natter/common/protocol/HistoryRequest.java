package org.natter.common.protocol;

/**
 * {@code history} (from a client): asks for a page of a room's messages, or of the direct conversation with user
 * {@code with}. {@code before} and {@code after} are message ids (exclusive); {@code limit} is 1 to
 * {@value ProtocolLimits#MAX_HISTORY_PAGE} (default {@value ProtocolLimits#DEFAULT_HISTORY_PAGE}).
 */
public record HistoryRequest(String id, String room, String with, Long before, Long after, Integer limit)
        implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.history(this);
    }
}
