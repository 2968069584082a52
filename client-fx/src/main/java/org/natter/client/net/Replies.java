package org.natter.client.net;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.ServerFrame;

/** Turns the server's answers (or their absence) into results and {@link ConnectionFailure}s. */
final class Replies {

    private Replies() {
    }

    /** Blocks the calling thread (the connector, never a caller's) for at most {@code timeout}. */
    static <T> T await(CompletableFuture<T> future, Duration timeout) throws ConnectionFailure {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ConnectionFailure(Kind.TIMEOUT, null, "The server did not answer in time.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectionFailure failure) {
                throw failure;
            }
            throw new ConnectionFailure(Kind.LOST, null, String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailure(Kind.CLOSED, "Interrupted while connecting.");
        }
    }

    /** The answer as {@code type}; an {@code error} answer or no answer in time fails with a ConnectionFailure. */
    static <T extends ServerFrame> CompletableFuture<T> expect(CompletableFuture<ServerFrame> answer, Class<T> type,
                                                               Duration timeout) {
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof TimeoutException) {
                            throw new CompletionException(
                                    new ConnectionFailure(Kind.TIMEOUT, null, "The server did not answer in time.", cause));
                        }
                        throw new CompletionException(cause);
                    }
                    if (reply instanceof ErrorReply error) {
                        throw new CompletionException(new ConnectionFailure(
                                ConnectionFailure.kindOf(error.code()), error.code(), error.message(), null));
                    }
                    return type.cast(reply);
                });
    }
}
