package org.natter.server.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.natter.server.core.LocalAddresses;

/**
 * The local addresses a server announces itself on: only where it listens. A server bound to every interface
 * announces on each network interface that is up and can multicast (never on loopback, which no other computer
 * hears); a server bound to one address announces on that address only, so {@code --bind 127.0.0.1} is heard
 * by this computer alone. Does I/O: never on an event loop or the FX thread.
 */
final class AnnounceAddresses {

    private AnnounceAddresses() {
    }

    static List<InetAddress> forBindAddress(String bindAddress) {
        InetAddress bound = LocalAddresses.parse(bindAddress);
        if (bound != null && !bound.isAnyLocalAddress()) {
            return List.of(bound);
        }
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || nic.isPointToPoint() || !nic.supportsMulticast()) {
                    continue;
                }
                // One IPv4 address per interface: DNS-SD answers carry the address records anyway, and one
                // responder per interface keeps the multicast traffic down.
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        addresses.add(address);
                        break;
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return addresses;
    }

    /** True when multicast can leave through the interface of this address (loopback needs its flag set). */
    static boolean canMulticast(InetAddress address) {
        try {
            NetworkInterface nic = NetworkInterface.getByInetAddress(address);
            return nic != null && nic.isUp() && nic.supportsMulticast();
        } catch (SocketException e) {
            return false;
        }
    }
}
