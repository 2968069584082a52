package org.natter.server.ui;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses other machines can use to reach this one. Blocking (asks the OS); never on the FX thread. */
final class NetworkAddresses {

    private NetworkAddresses() {
    }

    /**
     * This machine's IPv4 addresses on interfaces that are up, as {@code host:port}, site-local (LAN) ones first.
     * Loopback only when there is nothing else, so that a laptop without a network still shows something.
     */
    static List<String> reachableAt(int port) {
        List<String> lan = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        (address.isSiteLocalAddress() ? lan : other).add(address.getHostAddress() + ":" + port);
                    }
                }
            }
        } catch (SocketException e) {
            org.slf4j.LoggerFactory.getLogger(NetworkAddresses.class).warn("Cannot list the network interfaces", e);
        }
        lan.addAll(other);
        if (lan.isEmpty()) {
            lan.add("127.0.0.1:" + port);
        }
        return List.copyOf(lan);
    }
}
