package org.natter.server.core;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.natter.server.core.security.PasswordGate;
import org.natter.server.core.security.ServerSecurity;

/**
 * The password step of one connection's logins, with the security in force when the connection was accepted. A
 * server without a password (or a pipeline test without a gate) needs no step at all.
 */
final class LoginPasswords {

    private final ServerSecurity security;
    private final PasswordGate gate;

    /** @param gate {@code null} when nothing is ever checked */
    LoginPasswords(ServerSecurity security, PasswordGate gate) {
        this.security = security;
        this.gate = gate;
    }

    static LoginPasswords none() {
        return new LoginPasswords(ServerSecurity.plainOnly(), null);
    }

    /** Whether {@code welcome} asks for a password and each login is checked. */
    boolean needed() {
        return gate != null && security.needsPassword();
    }

    /** See {@link PasswordGate#check}; completes on a password thread or at once. */
    CompletableFuture<Optional<PasswordGate.Refusal>> check(InetAddress from, boolean encrypted, String password,
                                                             long nowNanos) {
        return gate.check(security, from, encrypted, password, nowNanos);
    }
}
