package org.natter.server.core;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses other machines can use to reach this one, for telling users what to type. Does I/O: not on a UI thread. */
public final class LocalAddresses {

    private LocalAddresses() {
    }

    /** {@code host:port} for each non-loopback address of an interface that is up, IPv4 first; never empty. */
    public static List<String> reachableAt(int port) {
        return reachableAt("", port);
    }

    /**
     * Where users reach a server that listens on {@code bindAddress}: for every interface (empty, {@code 0.0.0.0},
     * {@code ::}) the addresses of {@link #reachableAt(int)}; for one address only that address, so a server bound
     * to {@code 127.0.0.1} offers {@code 127.0.0.1:port} and nothing another machine could try in vain.
     */
    public static List<String> reachableAt(String bindAddress, int port) {
        InetAddress bound = parse(bindAddress);
        if (bound == null || bound.isAnyLocalAddress()) {
            return everyInterface(port);
        }
        return List.of(hostPort(bound, port));
    }

    /** True when {@code bindAddress} is a loopback address: only programs on this computer can connect. */
    public static boolean onlyThisComputer(String bindAddress) {
        InetAddress bound = parse(bindAddress);
        return bound != null && bound.isLoopbackAddress();
    }

    /** The address a server was told to bind, or {@code null} for every interface (or a name that does not resolve). */
    public static InetAddress parse(String bindAddress) {
        if (bindAddress == null || bindAddress.isBlank()) {
            return null;
        }
        try {
            // The server has already bound this address, so a name in it resolves (from the system's cache).
            return InetAddress.getByName(bindAddress.strip());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String hostPort(InetAddress address, int port) {
        return address instanceof Inet4Address ? address.getHostAddress() + ":" + port
                : "[" + compress(address.getHostAddress()) + "]:" + port;
    }

    private static List<String> everyInterface(int port) {
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
                    (address instanceof Inet4Address ? ipv4 : ipv6).add(hostPort(address, port));
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

    /**
     * The short form of an IPv6 address (RFC 5952): {@code fd00:0:0:0:0:0:0:2} becomes {@code fd00::2}, the
     * longest run of zero groups written as {@code ::}. The zone ({@code %eth0}) is dropped: it means nothing
     * on another machine.
     */
    static String compress(String ipv6) {
        int zone = ipv6.indexOf('%');
        String[] groups = (zone >= 0 ? ipv6.substring(0, zone) : ipv6).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].replace("0", "").isEmpty()) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            String group = groups[i].replaceFirst("^0+(?=.)", "");
            out.append(group);
            if (i < groups.length - 1) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
