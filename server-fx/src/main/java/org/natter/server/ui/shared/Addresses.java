package org.natter.server.ui.shared;

/** Addresses as the tables show them and as a ban takes them. */
public final class Addresses {

    private Addresses() {
    }

    /** The IP address of "host:port" (or "[v6]:port"), as a ban takes it. */
    public static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : address;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
