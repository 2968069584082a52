package org.natter.server.console;

import java.util.ArrayList;
import java.util.List;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;

/** What the console says about the server's security, at start and for the {@code fingerprint} command. */
final class SecurityText {

    private SecurityText() {
    }

    static List<String> describe(ServerSecurity security) {
        List<String> lines = new ArrayList<>();
        ServerCertificate certificate = security.certificate();
        if (certificate == null) {
            lines.add("Connections are NOT encrypted: anyone on the network can read the chat.");
        } else {
            lines.add(security.plainAllowed()
                    ? "Connections are encrypted (TLS 1.3); unencrypted ones (nc, scripts) are allowed too (--allow-plain)."
                    : "Connections are encrypted (TLS 1.3); unencrypted ones are refused.");
            lines.addAll(fingerprint(security));
        }
        lines.add(security.needsPassword() ? "Users need the server password to log in."
                : "No password: anyone who can reach the server can log in.");
        return lines;
    }

    /** The certificate's fingerprint and safety code, for users to compare with what their app shows. */
    static List<String> fingerprint(ServerSecurity security) {
        ServerCertificate certificate = security.certificate();
        if (certificate == null) {
            return List.of("This server does not encrypt connections, so it has no certificate.");
        }
        return List.of("Safety code (users compare it on their first connection): " + certificate.safetyCode(),
                "Certificate fingerprint (SHA-256): " + certificate.fingerprint());
    }
}
