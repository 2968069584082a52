package org.natter.common.protocol;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.natter.common.security.Fingerprints;

/**
 * An invitation to a Natter server, written as a link a person can click, paste or scan:
 * {@code natter://HOST:PORT/?fp=FINGERPRINT&name=SERVER%20NAME}. The fingerprint, when present, is the SHA-256
 * of the server's certificate as colon-separated upper-case hex; a client that follows the link trusts exactly
 * that certificate without asking. The format is part of the public contract (docs/PROTOCOL.md, "Invite links").
 *
 * @param host        a host name or IP address, without brackets
 * @param port        1 to 65535
 * @param fingerprint the certificate's SHA-256 fingerprint, or {@code null} when the link carries none
 * @param serverName  the server's name for display, or {@code null}
 */
public record InviteLink(String host, int port, String fingerprint, String serverName) {

    /** The URL scheme, registered for Natter on the desktop. */
    public static final String SCHEME = "natter";

    /** The longest link accepted; a QR code of this size is still easy to scan. */
    public static final int MAX_LENGTH = 512;


    public InviteLink {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The invite link has no server address.");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("The port in the invite link must be between 1 and 65535.");
        }
        fingerprint = fingerprint == null || fingerprint.isBlank() ? null : normalFingerprint(fingerprint);
        serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
    }

    /** True when the text is meant as an invite link (it starts with {@code natter:}), valid or not. */
    public static boolean looksLikeLink(String text) {
        return text != null && text.strip().regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1);
    }

    /**
     * Reads a link. The port is required: an invite always says where the server listens.
     *
     * @throws IllegalArgumentException with a sentence for a person when the link cannot be used
     */
    public static InviteLink parse(String text) {
        String value = text == null ? "" : text.strip();
        if (!looksLikeLink(value)) {
            throw new IllegalArgumentException("An invite link starts with natter://");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The invite link is too long (at most " + MAX_LENGTH + " characters).");
        }
        String rest = value.substring(SCHEME.length() + 1);
        if (!rest.startsWith("//")) {
            throw new IllegalArgumentException("An invite link starts with natter:// followed by the server address.");
        }
        rest = rest.substring(2);
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String tail = end < 0 ? "" : rest.substring(end);
        HostAndPort where = hostAndPort(authority);
        String query = queryOf(tail);
        String fingerprint = null;
        String name = null;
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String val = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "fp" -> fingerprint = val;
                    case "name" -> name = val;
                    default -> {
                        // Unknown parameters are ignored, so newer links still open in older clients.
                    }
                }
            }
        }
        if (fingerprint != null && fingerprint.isBlank()) {
            throw new IllegalArgumentException("The invite link's fingerprint (fp=) is empty.");
        }
        return new InviteLink(where.host, where.port, fingerprint, name);
    }

    /**
     * The invite to a server users reach at {@code hostPort}, written as the server shows it ({@code host:port} or
     * {@code [v6-address]:port}).
     *
     * @throws IllegalArgumentException when {@code hostPort} is not an address with a port
     */
    public static InviteLink forAddress(String hostPort, String fingerprint, String serverName) {
        HostAndPort where = hostAndPort(hostPort == null ? "" : hostPort.strip());
        return new InviteLink(where.host, where.port, fingerprint, serverName);
    }

    /** The link, with the name and fingerprint encoded so that it survives mail, chat and QR codes. */
    @Override
    public String toString() {
        StringBuilder link = new StringBuilder(SCHEME).append("://")
                .append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(port).append('/');
        String separator = "?";
        if (fingerprint != null) {
            link.append(separator).append("fp=").append(fingerprint);
            separator = "&";
        }
        if (serverName != null) {
            link.append(separator).append("name=").append(encode(serverName));
        }
        return link.toString();
    }

    /**
     * Writes a fingerprint the one way Natter compares them: 32 colon-separated upper-case hex pairs. Accepts
     * lower case and the bare 64-digit form, which people get from other tools.
     *
     * @throws IllegalArgumentException when it is not a SHA-256 fingerprint
     */
    public static String normalFingerprint(String text) {
        return Fingerprints.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "The fingerprint in the invite link is damaged: it should be 32 pairs of hex digits, such as AB:12:...."));
    }

    private record HostAndPort(String host, int port) {
    }

    private static HostAndPort hostAndPort(String authority) {
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("The invite link has no server address.");
        }
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || !authority.startsWith(":", close + 1)) {
                throw new IllegalArgumentException("Write an IPv6 address in an invite link as [address]:port.");
            }
            host = authority.substring(1, close);
            portText = authority.substring(close + 2);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("The invite link has no port: it should look like natter://host:port/.");
            }
            host = authority.substring(0, colon);
            portText = authority.substring(colon + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@' || c == ':' && !authority.startsWith("["))) {
            throw new IllegalArgumentException("The server address in the invite link is not valid.");
        }
        try {
            int port = Integer.parseInt(portText);
            if (port >= 1 && port <= 65_535) {
                return new HostAndPort(host.toLowerCase(Locale.ROOT), port);
            }
        } catch (NumberFormatException e) {
            // the same sentence as an out-of-range number
        }
        throw new IllegalArgumentException("The port in the invite link must be a number from 1 to 65535.");
    }

    private static String queryOf(String tail) {
        int hash = tail.indexOf('#');
        String withoutFragment = hash < 0 ? tail : tail.substring(0, hash);
        int question = withoutFragment.indexOf('?');
        return question < 0 ? "" : withoutFragment.substring(question + 1);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The invite link is damaged (a bad %-escape).");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
