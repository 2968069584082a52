package org.natter.common.protocol;

/** A frame that cannot be accepted; carries the error code the peer is told. */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String requestId;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param requestId the {@code id} of the offending request when it could be read, so the error can carry it as {@code re}
     */
    public ProtocolException(ErrorCode code, String message, String requestId) {
        super(message, null, false, false);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code id} of the request this error answers, or {@code null}. */
    public String requestId() {
        return requestId;
    }
}
