package org.natter.client.ui.chat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.ui.I18n;
import org.natter.common.protocol.ErrorCode;

/** Why a request failed, as a sentence for the person who made it. */
public final class SendFailures {

    private SendFailures() {
    }

    /** Why a message was not sent: too fast, offline, no answer, or the server's own reason. */
    public static String whyNotSent(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof ConnectionFailure refused && refused.code() == ErrorCode.RATE_LIMITED) {
            return I18n.text("unsent.rateLimited");
        }
        if (cause instanceof ConnectionFailure lost && (lost.kind() == ConnectionFailure.Kind.LOST
                || lost.kind() == ConnectionFailure.Kind.NOT_LOGGED_IN || lost.kind() == ConnectionFailure.Kind.CLOSED)) {
            return I18n.text("unsent.offline");
        }
        if (cause instanceof ConnectionFailure timeout && timeout.kind() == ConnectionFailure.Kind.TIMEOUT) {
            return I18n.text("unsent.timeout");
        }
        return I18n.text("unsent.other", reason(cause));
    }

    /** The server's sentence (or the exception's message) for any other refused request. */
    public static String reason(Throwable failure) {
        Throwable cause = rootCause(failure);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof CompletionException || cause instanceof ExecutionException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
