package org.natter.client.net.trust;

import java.util.Optional;
import org.natter.client.net.ServerAddress;

/** The certificate fingerprints trusted so far, one per host and port. Implementations are thread-safe. */
public interface PinStore {

    /** The fingerprint trusted for this address, if any. */
    Optional<String> pinned(ServerAddress address);

    /** Trusts {@code fingerprint} for this address from now on, replacing any other. May block briefly (a file). */
    void pin(ServerAddress address, String fingerprint);

    /** The key an address is kept under: the host in lower case and the port. */
    static String key(ServerAddress address) {
        return address.host().toLowerCase(java.util.Locale.ROOT) + ":" + address.port();
    }
}
