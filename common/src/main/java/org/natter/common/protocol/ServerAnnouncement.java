package org.natter.common.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Natter server tells the local network about itself over DNS-SD (multicast DNS), as the TXT record of
 * its {@value #SERVICE_TYPE} service. Part of the public contract (docs/PROTOCOL.md, "Finding servers").
 *
 * @param serverName      the server's name as the operator set it
 * @param protocolVersion the newest protocol version the server speaks
 * @param fingerprint     the certificate's SHA-256 fingerprint, or {@code null} for a server without TLS
 * @param passwordNeeded  whether {@code login} needs a password
 * @param users           how many users are logged in (refreshed every few seconds, not exact)
 */
public record ServerAnnouncement(String serverName, int protocolVersion, String fingerprint, boolean passwordNeeded,
                                 int users) {

    /** The DNS-SD service type, with the domain jmDNS expects. */
    public static final String SERVICE_TYPE = "_natter._tcp.local.";

    /** A TXT value is at most 255 bytes; names are cut well below that. */
    private static final int MAX_NAME = 100;

    public ServerAnnouncement {
        serverName = serverName == null || serverName.isBlank() ? "Natter" : cut(serverName.strip());
        users = Math.max(0, users);
        fingerprint = fingerprint == null || fingerprint.isBlank() ? null : fingerprint;
    }

    /** The TXT record's fields, in a stable order. */
    public Map<String, String> toTxt() {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put("name", serverName);
        txt.put("v", Integer.toString(protocolVersion));
        if (fingerprint != null) {
            txt.put("fp", fingerprint);
        }
        txt.put("pw", passwordNeeded ? "1" : "0");
        txt.put("users", Integer.toString(users));
        return txt;
    }

    /**
     * Reads a TXT record heard on the network. Anyone can announce anything, so every field is checked and a
     * bad one falls back to "unknown" rather than failing: a damaged announcement never hides the others.
     *
     * @param fallbackName the DNS-SD instance name, used when the record has no {@code name}
     */
    public static ServerAnnouncement fromTxt(Map<String, String> txt, String fallbackName) {
        String name = txt.getOrDefault("name", fallbackName);
        String fingerprint = null;
        String fp = txt.get("fp");
        if (fp != null) {
            try {
                fingerprint = InviteLink.normalFingerprint(fp);
            } catch (IllegalArgumentException e) {
                fingerprint = null;
            }
        }
        return new ServerAnnouncement(SafeText.escape(name == null ? "" : name), number(txt.get("v"), 1),
                fingerprint, "1".equals(txt.get("pw")), number(txt.get("users"), 0));
    }

    private static int number(String text, int fallback) {
        if (text == null || text.length() > 9) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }
}
