package org.natter.server.core.security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.natter.common.protocol.ErrorCode;

/**
 * Checks the password of a {@code login}: over TLS only, a few tries per minute per address
 * ({@link PasswordThrottle}), and the slow hash on its own small pool ({@value #THREADS} threads named
 * {@code natter-password-N}, at most {@value #MAX_QUEUED} checks waiting), never on an I/O thread or the chat's
 * sequencer. One per server; {@link #close} ends its threads.
 */
public final class PasswordGate implements AutoCloseable {

    static final int THREADS = 2;
    static final int MAX_QUEUED = 64;

    /** Why a login was refused before it reached the chat. */
    public record Refusal(ErrorCode code, String message) {
    }

    private final PasswordThrottle throttle;
    private final ExecutorService hashing;

    public PasswordGate() {
        this(new PasswordThrottle());
    }

    public PasswordGate(PasswordThrottle throttle) {
        this.throttle = throttle;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED), runnable -> {
                    Thread thread = new Thread(runnable, "natter-password-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.hashing = pool;
    }

    /**
     * Decides whether a login may go on to the chat. Completes at once when no check is needed or it is refused
     * without one, otherwise on a {@code natter-password} thread, with the refusal or empty when the login may go on.
     *
     * @param encrypted whether the connection is TLS
     */
    public CompletableFuture<Optional<Refusal>> check(ServerSecurity security, InetAddress from, boolean encrypted,
                                                      String password, long nowNanos) {
        PasswordHash expected = security.password();
        if (expected == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!encrypted) {
            return refused(ErrorCode.TLS_REQUIRED, "This server has a password, so it takes logins over an "
                    + "encrypted connection only. Use the Natter app or openssl s_client.");
        }
        if (password == null || password.isEmpty()) {
            return refused(ErrorCode.BAD_PASSWORD, "This server needs a password: add \"password\" to the login.");
        }
        Duration wait = from == null ? Duration.ZERO : throttle.tryAcquire(from, nowNanos);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return refused(ErrorCode.BAD_PASSWORD, "Too many wrong passwords from your address. Try again in "
                    + seconds + " seconds.");
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                if (expected.matches(password)) {
                    if (from != null) {
                        throttle.succeeded(from);
                    }
                    return Optional.empty();
                }
                return Optional.of(new Refusal(ErrorCode.BAD_PASSWORD, "Wrong password."));
            }, hashing);
        } catch (RejectedExecutionException e) {
            return refused(ErrorCode.UNAVAILABLE, "The server is busy checking passwords. Try again in a moment.");
        }
    }

    private static CompletableFuture<Optional<Refusal>> refused(ErrorCode code, String message) {
        return CompletableFuture.completedFuture(Optional.of(new Refusal(code, message)));
    }

    @Override
    public void close() {
        hashing.shutdownNow();
    }
}
