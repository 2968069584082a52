package org.natter.client.net;

import java.util.Locale;

/**
 * Where a chat server listens, as a person types it: {@code host}, {@code host:port}, or {@code [v6-address]:port}.
 *
 * @param host a host name or IP address, without brackets
 * @param port 1 to 65535
 */
public record ServerAddress(String host, int port) {

    /** The port a Natter server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8020;

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The server address is empty.");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 1 and 65535.");
        }
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code [::1]:port} or a bare IPv6 address.
     *
     * @throws IllegalArgumentException with a sentence for a person when the text is not an address
     */
    public static ServerAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The server address is empty.");
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("The IPv6 address has no closing \"]\".");
            }
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.isEmpty()) {
                return new ServerAddress(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("Write the port after the address, as [address]:port.");
            }
            return new ServerAddress(host, parsePort(rest.substring(1)));
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
            return new ServerAddress(value, DEFAULT_PORT);
        }
        String host = colon < 0 ? value : value.substring(0, colon);
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Type a host name or an IP address, such as chat.example.org or 192.168.1.20.");
        }
        return new ServerAddress(host.toLowerCase(Locale.ROOT), colon < 0 ? DEFAULT_PORT : parsePort(value.substring(colon + 1)));
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the same sentence as an out-of-range number
        }
        throw new IllegalArgumentException("The port must be a number from 1 to 65535.");
    }

    /** As a person would type it again: {@code host:port}, with brackets around an IPv6 address. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
