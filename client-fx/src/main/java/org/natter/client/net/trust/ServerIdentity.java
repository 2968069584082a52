package org.natter.client.net.trust;

import java.util.Objects;
import org.natter.client.net.ServerAddress;
import org.natter.common.security.Fingerprints;

/**
 * The certificate a server showed, to be trusted or not.
 *
 * @param address             the server as the person typed it
 * @param fingerprint         the SHA-256 fingerprint of its certificate (see {@link Fingerprints})
 * @param pinnedFingerprint   the fingerprint trusted before for this address, or {@code null} on first use; when it
 *                            is set, the certificate has <em>changed</em>
 */
public record ServerIdentity(ServerAddress address, String fingerprint, String pinnedFingerprint) {

    public ServerIdentity {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The safety code to compare with the one the Natter Server window shows. */
    public String safetyCode() {
        return Fingerprints.safetyCode(fingerprint);
    }

    /** Whether another certificate was trusted for this address before: a reason to be careful. */
    public boolean changed() {
        return pinnedFingerprint != null;
    }
}
