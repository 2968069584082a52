package org.natter.common.protocol;

/**
 * {@code error}: a request was refused. The connection stays usable. {@code code} is {@code null} when a newer
 * server sent a code this client does not know.
 */
public record ErrorReply(String re, ErrorCode code, String message) implements ServerFrame {
}
