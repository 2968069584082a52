package org.natter.server.core;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses other machines can use to reach this one, for telling users what to type. Does I/O: not on a UI thread. */
public final class LocalAddresses {

    private LocalAddresses() {
    }

    /** {@code host:port} for each non-loopback address of an interface that is up, IPv4 first; never empty. */
    public static List<String> reachableAt(int port) {
        List<String> ipv4 = new ArrayList<>();
        List<String> ipv6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
                        continue;
                    }
                    if (address instanceof Inet4Address) {
                        ipv4.add(address.getHostAddress() + ":" + port);
                    } else {
                        String host = address.getHostAddress();
                        int zone = host.indexOf('%');
                        ipv6.add("[" + (zone >= 0 ? host.substring(0, zone) : host) + "]:" + port);
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list (a locked-down machine): this machine itself is still reachable.
        }
        List<String> all = new ArrayList<>(ipv4);
        all.addAll(ipv6);
        if (all.isEmpty()) {
            all.add("localhost:" + port);
        }
        return List.copyOf(all);
    }
}
