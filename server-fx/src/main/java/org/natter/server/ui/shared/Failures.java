package org.natter.server.ui.shared;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Failures of background work, told to the operator. */
public final class Failures {

    private Failures() {
    }

    /** The operator's sentence inside a failure, without the wrappers that futures add. */
    public static String reasonOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
