package org.natter.server.core.moderation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * One address or a CIDR range of them, IPv4 or IPv6: {@code 192.168.1.20}, {@code 192.168.1.0/24},
 * {@code fd00::/8}. Only literal addresses are read; a host name is never looked up.
 */
public record AddressRange(InetAddress network, int prefixLength) {

    /** The range {@code text} names, or empty when it is not an address or CIDR range. */
    public static Optional<AddressRange> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2 || !looksLikeAddress(parts[0])) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.getByName(parts[0]);
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            return Optional.of(new AddressRange(masked(address, prefix), prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        return java.util.Arrays.equals(masked(address, prefixLength).getAddress(), net);
    }

    /** {@code 192.168.1.0/24}, or the address alone for a single one. */
    @Override
    public String toString() {
        String host = network.getHostAddress();
        return prefixLength == network.getAddress().length * 8 ? host : host + "/" + prefixLength;
    }

    /** Digits, dots, colons and hex only: so that a name like "bob" is never resolved as a host. */
    private static boolean looksLikeAddress(String text) {
        return text.contains(".") && text.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                || text.contains(":") && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
