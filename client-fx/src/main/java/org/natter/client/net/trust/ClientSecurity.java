package org.natter.client.net.trust;

import java.util.Objects;

/**
 * How a {@code ChatConnection} protects its socket: plain text, or TLS 1.3 with the server's certificate pinned on
 * first use.
 *
 * <p>TLS here does not check certificate authorities or host names: Natter servers make their own certificate, so
 * trust comes from the person comparing the safety code once (the {@link TrustDecider}), after which the
 * {@link PinStore} holds the fingerprint and a different certificate is refused until trusted again.
 *
 * <p>{@link #plain()} is the library's default ({@code new ChatConnection()}), for tests and bots on a trusted
 * network; the Natter window, the terminal client and the demo use {@link #tls}.
 */
public final class ClientSecurity {

    private static final ClientSecurity PLAIN = new ClientSecurity(false, null, null);

    private final boolean tls;
    private final PinStore pins;
    private final TrustDecider decider;

    private ClientSecurity(boolean tls, PinStore pins, TrustDecider decider) {
        this.tls = tls;
        this.pins = pins;
        this.decider = decider;
    }

    public static ClientSecurity plain() {
        return PLAIN;
    }

    public static ClientSecurity tls(PinStore pins, TrustDecider decider) {
        return new ClientSecurity(true, Objects.requireNonNull(pins, "pins"), Objects.requireNonNull(decider, "decider"));
    }

    public boolean usesTls() {
        return tls;
    }

    /** The pins, or {@code null} for plain text. */
    public PinStore pins() {
        return pins;
    }

    /** The decider, or {@code null} for plain text. */
    public TrustDecider decider() {
        return decider;
    }
}
