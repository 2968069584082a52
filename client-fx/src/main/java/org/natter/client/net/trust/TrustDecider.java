package org.natter.client.net.trust;

import java.util.concurrent.CompletableFuture;

/**
 * Decides whether to trust a server certificate that is not pinned yet (first use) or differs from the pinned one
 * (changed). A window asks the person; a bot may compare with a fingerprint it was given.
 *
 * <p>Called on the connection's connector thread, which waits for the answer (the socket is closed meanwhile and
 * opened again after a yes), so the future may complete whenever the person answers, on any thread. It must complete
 * (a closed window answers no).
 */
@FunctionalInterface
public interface TrustDecider {

    /** @return {@code true} to trust and pin this certificate for its address, {@code false} to refuse it */
    CompletableFuture<Boolean> decide(ServerIdentity identity);

    /** Trusts nothing new: only certificates already pinned are accepted. */
    static TrustDecider refuseAll() {
        return identity -> CompletableFuture.completedFuture(false);
    }

    /** Trusts exactly this fingerprint (as a script gives it with {@code --trust}), refuses any other. */
    static TrustDecider onlyFingerprint(String fingerprint) {
        return identity -> CompletableFuture.completedFuture(identity.fingerprint().equals(fingerprint));
    }

    /**
     * Trusts the first certificate of an address and refuses a changed one: for a program that talks to its own
     * server (the demo).
     */
    static TrustDecider firstUse() {
        return identity -> CompletableFuture.completedFuture(!identity.changed());
    }
}
