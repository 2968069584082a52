package org.natter.client.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.natter.client.net.discovery.FoundServer;
import org.natter.client.net.discovery.ServerBrowser;

/**
 * {@code natter client --list-servers}: listens for Natter servers on the local network for a few seconds, prints
 * one line per server (name, address, users, password, fingerprint) and exits. For scripts and for a quick "is it
 * there?" from a terminal.
 */
public final class ServerList {

    private ServerList() {
    }

    /**
     * @param seconds how long to listen
     * @param on      the local address to listen from, or {@code null} for every interface
     * @return 0 when at least one server answered, 1 when none did or listening was impossible
     */
    public static int run(int seconds, String on, PrintStream out, PrintStream err) {
        List<InetAddress> addresses;
        try {
            addresses = on == null ? ServerBrowser.localAddresses() : List.of(InetAddress.getByName(on));
        } catch (UnknownHostException e) {
            err.println("natter client: " + on + " is not an address of this computer.");
            return 2;
        }
        if (addresses.isEmpty()) {
            err.println("natter client: this computer has no network interface that can look for servers.");
            return 1;
        }
        List<FoundServer> servers;
        try (ServerBrowser browser = ServerBrowser.start(addresses, found -> { })) {
            if (browser.isBlind()) {
                err.println("natter client: cannot listen for servers on " + describe(addresses) + ".");
                return 1;
            }
            waitFor(seconds);
            servers = browser.servers();
        }
        if (servers.isEmpty()) {
            err.println("No Natter server answered on your network within " + seconds + " s.");
            return 1;
        }
        for (FoundServer server : servers) {
            out.println(line(server));
        }
        return 0;
    }

    static String line(FoundServer server) {
        var what = server.announcement();
        // The name was made safe to print when the announcement was read (ServerAnnouncement.fromTxt).
        return what.serverName() + "\t" + server.address() + "\t" + what.users()
                + (what.users() == 1 ? " user" : " users") + "\t" + (what.passwordNeeded() ? "password" : "open")
                + "\t" + (what.fingerprint() == null ? "no-fingerprint" : what.fingerprint());
    }

    private static String describe(List<InetAddress> addresses) {
        return String.join(", ", addresses.stream().map(InetAddress::getHostAddress).toList());
    }

    /** Listening is the point here: the list fills in on jmDNS's threads while this one waits. */
    private static void waitFor(int seconds) {
        try {
            new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
