package org.natter.server.core;

/** The server could not start; the message is a sentence for the operator, such as "Port 8020 is already in use." */
public final class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
