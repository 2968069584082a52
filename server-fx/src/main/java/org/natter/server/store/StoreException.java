package org.natter.server.store;

/** The history database cannot be used; the message is a sentence for the operator. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
