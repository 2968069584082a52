package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAddressesTest {

    private static final int CONNECT_MILLIS = 2_000;

    @Test
    void ipv6IsWrittenInItsShortForm() {
        assertThat(LocalAddresses.compress("fd00:0:0:0:0:0:0:2")).isEqualTo("fd00::2");
        assertThat(LocalAddresses.compress("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(LocalAddresses.compress("fe80:0:0:0:1:0:0:0%eth0")).isEqualTo("fe80::1:0:0:0");
        assertThat(LocalAddresses.compress("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(LocalAddresses.compress("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(LocalAddresses.compress("2001:0:0:1:0:0:0:0")).isEqualTo("2001:0:0:1::");
    }

    @Test
    void eachAddressIsOneOfThisMachinesOwnAndNoneIsLoopbackOrLinkLocal() throws IOException {
        List<String> addresses = LocalAddresses.reachableAt(8020);

        assertThat(addresses).isNotEmpty().doesNotHaveDuplicates().allSatisfy(a -> assertThat(a).endsWith(":8020"));
        if (addresses.equals(List.of("localhost:8020"))) {
            return; // A machine with no usable interface: the documented fallback.
        }
        for (String address : addresses) {
            InetAddress inet = InetAddress.getByName(hostOf(address));
            assertThat(inet.isLoopbackAddress() || inet.isLinkLocalAddress()).as(address).isFalse();
            assertThat(NetworkInterface.getByInetAddress(inet)).as("the interface of " + address).isNotNull();
        }
    }

    @Test
    void aLoopbackBindOffersOnlyTheLoopbackAddress() {
        assertThat(LocalAddresses.reachableAt("127.0.0.1", 8020)).containsExactly("127.0.0.1:8020");
        assertThat(LocalAddresses.reachableAt("localhost", 8020)).hasSize(1)
                .allSatisfy(a -> assertThat(a).isIn("127.0.0.1:8020", "[::1]:8020"));
        assertThat(LocalAddresses.reachableAt("::1", 8020)).containsExactly("[::1]:8020");
        assertThat(LocalAddresses.onlyThisComputer("127.0.0.1")).isTrue();
        assertThat(LocalAddresses.onlyThisComputer("::1")).isTrue();
    }

    @Test
    void aWildcardOrEmptyBindOffersEveryInterface() {
        List<String> every = LocalAddresses.reachableAt(8020);
        assertThat(LocalAddresses.reachableAt("", 8020)).isEqualTo(every);
        assertThat(LocalAddresses.reachableAt("0.0.0.0", 8020)).isEqualTo(every);
        assertThat(LocalAddresses.reachableAt("::", 8020)).isEqualTo(every);
        assertThat(LocalAddresses.onlyThisComputer("")).isFalse();
        assertThat(LocalAddresses.onlyThisComputer("0.0.0.0")).isFalse();
    }

    @Test
    void aBindToOneInterfaceOffersThatAddressOnly() {
        List<String> every = LocalAddresses.reachableAt(8020);
        String one = every.get(0);
        if (one.startsWith("localhost")) {
            return; // No usable interface on this machine: nothing to bind to but loopback.
        }
        assertThat(LocalAddresses.reachableAt(hostOf(one), 8020)).containsExactly(one);
        assertThat(LocalAddresses.onlyThisComputer(hostOf(one))).isFalse();
    }

    @Test
    void ipv4AddressesComeFirst() {
        List<String> addresses = LocalAddresses.reachableAt(8020);
        int firstIpv6 = addresses.size();
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i).startsWith("[")) {
                firstIpv6 = Math.min(firstIpv6, i);
            } else {
                assertThat(i).as("IPv4 address %s after an IPv6 one", addresses.get(i)).isLessThan(firstIpv6);
            }
        }
    }

    @Test
    void aServerListeningOnEveryInterfaceIsReachedAtEachAddress() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(CONNECT_MILLIS);
            int port = server.getLocalPort();
            for (String address : LocalAddresses.reachableAt(port)) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(hostOf(address), port), CONNECT_MILLIS);
                    server.accept().close();
                    assertThat(socket.isConnected()).as(address).isTrue();
                }
            }
        }
    }

    /** "192.168.1.20:8020" gives "192.168.1.20", "[fd00::2]:8020" gives "fd00::2". */
    private static String hostOf(String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
